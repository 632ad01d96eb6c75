/**
 * A realistic set of the département's contracts and procedures for the publication context's tests: frameworks,
 * lots, consortiums, amendments, subcontracting, paid invoices, contracts entered without a procedure, one below the
 * DECP threshold, two late to publish — and deliberately bad records, each with the DECP field the gate must name.
 *
 * Holders' SIRETs and names are real (Val-de-Marne holders of the consolidated DECP, 2024 H2: data.gouv.fr tabular
 * DECP resource 22847056-61df-452d-837d-8b8ceadbfc52, produced by ColinMaudry/decp-processing, Licence Ouverte 2.0);
 * the contracts themselves are invented for the tests.
 */
import type {
  LigneProgrammePourPublication,
  MarchePourPublication,
  ModificationPourPublication,
  ProcedurePourPublication,
  TitulairePublication,
} from "../publication/types";

/** The "today" of the fixture set. */
export const AUJOURDHUI_PUBLICATION = "2026-11-30";
export const SIRET_DEPARTEMENT = "22940028800010";

const T = {
  mdn: { siret: "79058773700038", nom: "MDN CONSTRUCTION" },
  tk: { siret: "72202474202772", nom: "TK ELEVATOR FRANCE" },
  spie: { siret: "08728118400090", nom: "SPIE BATIGNOLLES OUTAREX" },
  macons: { siret: "95721348100022", nom: "LES MACONS PARISIENS" },
  enp: { siret: "78506767900056", nom: "E.N.P." },
  legendre: { siret: "39939420400107", nom: "LEGENDRE ILE DE FRANCE" },
  sportingsols: { siret: "33470878100029", nom: "SPORTINGSOLS" },
  advance: { siret: "50873132000059", nom: "ADVANCE INGENIERIE SERVICES" },
  briand: { siret: "33498245100059", nom: "BRIAND SAS" },
  mate: { siret: "43820939700043", nom: "MULTI ASS TECHNOLOGIE ELECTRIQUE (M A T E)" },
  frs: { siret: "45168041700032", nom: "FRANCE RENOVATION SERVICES" },
  dg: { siret: "83117836300022", nom: "DG CONSTRUCTION" },
  fermatic: { siret: "79219347600019", nom: "FERMATIC SAS" },
  lmc: { siret: "44987711700019", nom: "LMC ELECTRICITE" },
  mvms: { siret: "45205541100048", nom: "M.V.M.S" },
  nsa: { siret: "48520576900022", nom: "NOUVELLE SOCIETE D ASCENSEURS - NSA" },
  ptec: { siret: "80877978900037", nom: "P-TEC" },
  rogsol: { siret: "90854228500014", nom: "ROGSOL" },
  svabtp: { siret: "81881473300015", nom: "SVABTP" },
  ucp: { siret: "33790285200017", nom: "UNION DES COMPAGNONS PAVEURS  UCP" },
} satisfies Record<string, TitulairePublication>;

const uuid = (prefixe: string, n: number) => `${prefixe}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const marcheId = (n: number) => uuid("0000000a", n);
export const procedureId = (n: number) => uuid("0000000b", n);
const ligneId = (n: number) => uuid("0000000c", n);

let sequence = 0;
function instantChange(jour: number): string {
  sequence++;
  return `2026-11-${String(jour).padStart(2, "0")}T09:${String(sequence % 60).padStart(2, "0")}:00Z`;
}

function marche(n: number, o: Partial<MarchePourPublication> & Pick<MarchePourPublication, "numero" | "objet">): MarchePourPublication {
  return {
    id: marcheId(n),
    acheteurSiret: SIRET_DEPARTEMENT,
    acheteurNom: "Département du Val-de-Marne",
    natureDecp: "Marché",
    nature: "services",
    cpv: "77313000",
    procedure: "Procédure adaptée",
    fondementProcedure: null,
    dateLancement: null,
    procedureId: null,
    lotNumero: null,
    valeurEstimeeProcedureHtCents: null,
    lieuExecution: { code: "94", typeCode: "Code département" },
    dureeMois: 12,
    dateNotification: "2026-03-02",
    datePublicationDonnees: "2026-03-20",
    montantHtCents: 9_000_000,
    montantMinimumHtCents: null,
    accordCadre: false,
    idAccordCadre: null,
    formePrix: "forfaitaire",
    typesPrix: ["Définitif ferme"],
    techniques: ["Sans objet"],
    modalitesExecution: ["Sans objet"],
    ccag: "fcs",
    offresRecues: 3,
    avanceAccordee: false,
    tauxAvancePointsDeBase: null,
    typeGroupement: "Pas de groupement",
    sousTraitanceDeclaree: false,
    actesSousTraitance: [],
    titulaires: [T.enp],
    clauseSociale: false,
    critereSocial: false,
    marcheReserve: false,
    clauseEnvironnementale: false,
    critereEnvironnemental: false,
    marcheInnovant: false,
    modifications: [],
    facturesPayees: [],
    misAJourLe: instantChange(1 + (n % 27)),
    ...o,
  };
}

function modification(
  numero: number,
  o: Partial<ModificationPourPublication> & Pick<ModificationPourPublication, "dateNotification">,
): ModificationPourPublication {
  return { numero, objet: `Avenant n° ${numero}`, datePublication: null, montantHtCents: null, dureeMois: null, titulaires: null, ...o };
}

function ligne(
  n: number,
  o: Partial<LigneProgrammePourPublication> & Pick<LigneProgrammePourPublication, "objet" | "valeurEstimeeHtCents">,
): LigneProgrammePourPublication {
  return { id: ligneId(n), annee: 2026, direction: "Direction des bâtiments", trimestreLancement: 1, ...o };
}

export interface FixturesPublication {
  organisationId: string;
  marches: MarchePourPublication[];
  procedures: ProcedurePourPublication[];
  /** Bad records: DECP number → fields the gate must name. */
  mauvais: Record<string, string[]>;
  /** Records below the DECP threshold (not exported). */
  horsPerimetre: string[];
  /** Records not yet published past their deadline (exported, listed as late). */
  enRetard: string[];
  /** Records published after their deadline: listed by the gate, not blocking. */
  publieesEnRetard: string[];
}

/** The fixture set for an organisation (deterministic). */
export function fixturesPublication(organisationId = uuid("0000000d", 1)): FixturesPublication {
  sequence = 0;
  const procedures: ProcedurePourPublication[] = [
    {
      id: procedureId(1),
      reference: "2025-AOO-017",
      objet: "Entretien des espaces verts des collèges",
      nature: "services",
      cpv: "77313000",
      procedure: "Appel d'offres ouvert",
      statut: "notifiee",
      valeurEstimeeHtCents: 120_000_000,
      datePublication: "2025-09-01",
      dateLimiteReception: "2025-10-06",
      criteres: [
        { libelle: "Valeur technique", poidsPourcentage: 50, environnemental: false },
        { libelle: "Prix", poidsPourcentage: 40, environnemental: false },
        { libelle: "Performance environnementale", poidsPourcentage: 10, environnemental: true },
      ],
      lots: [
        { numero: 1, intitule: "Collèges du secteur nord", valeurEstimeeHtCents: 40_000_000, cpv: "77313000" },
        { numero: 2, intitule: "Collèges du secteur centre", valeurEstimeeHtCents: 40_000_000, cpv: "77313000" },
        { numero: 3, intitule: "Collèges du secteur sud", valeurEstimeeHtCents: 40_000_000, cpv: "77313000" },
      ],
      offres: [
        { lotNumero: 1, siret: T.ucp.siret, nom: T.ucp.nom },
        { lotNumero: 1, siret: T.sportingsols.siret, nom: T.sportingsols.nom },
        { lotNumero: 2, siret: T.rogsol.siret, nom: T.rogsol.nom },
        { lotNumero: 2, siret: T.svabtp.siret, nom: T.svabtp.nom },
        { lotNumero: 3, siret: T.sportingsols.siret, nom: T.sportingsols.nom },
      ],
      lignesProgramme: [
        ligne(1, {
          annee: 2025,
          objet: "Espaces verts des collèges",
          valeurEstimeeHtCents: 120_000_000,
          trimestreLancement: 3,
          direction: "Direction de l'éducation et des collèges",
        }),
      ],
      misAJourLe: "2026-11-02T08:00:00Z",
    },
    {
      id: procedureId(2),
      reference: "2026-MAPA-031",
      objet: "Rénovation énergétique du collège Paul-Éluard",
      nature: "travaux",
      cpv: "45210000",
      procedure: "Procédure adaptée",
      statut: "notifiee",
      valeurEstimeeHtCents: 240_000_000,
      datePublication: "2026-03-02",
      dateLimiteReception: "2026-04-03",
      criteres: [
        { libelle: "Prix", poidsPourcentage: 60, environnemental: false },
        { libelle: "Valeur technique", poidsPourcentage: 40, environnemental: false },
      ],
      lots: [
        { numero: 1, intitule: "Gros œuvre", valeurEstimeeHtCents: 120_000_000, cpv: "45210000" },
        { numero: 2, intitule: "Électricité", valeurEstimeeHtCents: 50_000_000, cpv: "45310000" },
        { numero: 3, intitule: "Menuiseries", valeurEstimeeHtCents: 40_000_000, cpv: "45421000" },
        { numero: 4, intitule: "Ascenseur", valeurEstimeeHtCents: 30_000_000, cpv: "45313100" },
      ],
      offres: [
        { lotNumero: 1, siret: T.legendre.siret, nom: T.legendre.nom },
        { lotNumero: 1, siret: T.mdn.siret, nom: T.mdn.nom },
        { lotNumero: 2, siret: T.lmc.siret, nom: T.lmc.nom },
        { lotNumero: 2, siret: T.mate.siret, nom: T.mate.nom },
        { lotNumero: 3, siret: T.fermatic.siret, nom: T.fermatic.nom },
        { lotNumero: 4, siret: T.nsa.siret, nom: T.nsa.nom },
      ],
      lignesProgramme: [ligne(2, { objet: "Rénovation énergétique collège Paul-Éluard", valeurEstimeeHtCents: 240_000_000 })],
      misAJourLe: "2026-11-03T08:00:00Z",
    },
    {
      id: procedureId(3),
      reference: "2026-AOO-004",
      objet: "Fourniture de mobilier scolaire",
      nature: "fournitures",
      cpv: "39160000",
      procedure: "Appel d'offres ouvert",
      statut: "notifiee",
      valeurEstimeeHtCents: 60_000_000,
      datePublication: "2026-02-02",
      dateLimiteReception: "2026-03-06",
      criteres: [{ libelle: "Prix", poidsPourcentage: 100, environnemental: false }],
      lots: [],
      offres: [
        { lotNumero: 1, siret: T.frs.siret, nom: T.frs.nom },
        { lotNumero: 1, siret: T.dg.siret, nom: T.dg.nom },
      ],
      lignesProgramme: [
        ligne(3, { objet: "Mobilier scolaire", valeurEstimeeHtCents: 60_000_000, direction: "Direction de l'éducation et des collèges" }),
      ],
      misAJourLe: "2026-11-04T08:00:00Z",
    },
    {
      id: procedureId(4),
      reference: "2025-AOR-002",
      objet: "Maintenance des ascenseurs des bâtiments départementaux",
      nature: "services",
      cpv: "50750000",
      procedure: "Appel d'offres restreint",
      statut: "notifiee",
      valeurEstimeeHtCents: 90_000_000,
      datePublication: "2025-06-02",
      dateLimiteReception: "2025-07-04",
      criteres: [
        { libelle: "Prix", poidsPourcentage: 50, environnemental: false },
        { libelle: "Délais d'intervention", poidsPourcentage: 50, environnemental: false },
      ],
      lots: [],
      offres: [
        { lotNumero: 1, siret: T.tk.siret, nom: T.tk.nom },
        { lotNumero: 1, siret: T.nsa.siret, nom: T.nsa.nom },
      ],
      lignesProgramme: [],
      misAJourLe: "2026-11-05T08:00:00Z",
    },
    {
      id: procedureId(5),
      reference: "2026-PAN-001",
      objet: "Assistance à maîtrise d'ouvrage pour le schéma directeur immobilier",
      nature: "services",
      cpv: "71541000",
      procedure: "Procédure avec négociation",
      statut: "notifiee",
      valeurEstimeeHtCents: 30_000_000,
      datePublication: "2026-01-12",
      dateLimiteReception: "2026-02-13",
      criteres: [
        { libelle: "Valeur technique", poidsPourcentage: 70, environnemental: false },
        { libelle: "Prix", poidsPourcentage: 30, environnemental: false },
      ],
      lots: [],
      offres: [{ lotNumero: 1, siret: T.advance.siret, nom: T.advance.nom }],
      lignesProgramme: [],
      misAJourLe: "2026-11-06T08:00:00Z",
    },
    {
      id: procedureId(6),
      reference: "2027-MAPA-001",
      objet: "Nettoyage des vitres (brouillon)",
      nature: "services",
      cpv: "90911300",
      procedure: null,
      statut: "brouillon",
      valeurEstimeeHtCents: 8_000_000,
      datePublication: null,
      dateLimiteReception: null,
      criteres: [],
      lots: [],
      offres: [],
      lignesProgramme: [],
      misAJourLe: "2026-11-07T08:00:00Z",
    },
    {
      id: procedureId(7),
      reference: "2026-MAPA-077",
      objet: "Restauration des agents du site de Créteil",
      nature: "services",
      cpv: "55300000",
      procedure: "Procédure adaptée",
      statut: "publiee",
      valeurEstimeeHtCents: 15_000_000,
      datePublication: "2026-11-16",
      dateLimiteReception: "2026-12-18",
      criteres: [
        { libelle: "Qualité des repas", poidsPourcentage: 60, environnemental: false },
        { libelle: "Prix", poidsPourcentage: 40, environnemental: false },
      ],
      lots: [],
      offres: [],
      lignesProgramme: [ligne(7, { objet: "Restauration des agents", valeurEstimeeHtCents: 15_000_000, trimestreLancement: 4 })],
      misAJourLe: "2026-11-08T08:00:00Z",
    },
  ];

  const p1 = {
    procedure: "Appel d'offres ouvert" as const,
    procedureId: procedureId(1),
    valeurEstimeeProcedureHtCents: 120_000_000,
    dateLancement: "2025-09-01",
  };
  const p2 = {
    procedure: "Procédure adaptée" as const,
    procedureId: procedureId(2),
    valeurEstimeeProcedureHtCents: 240_000_000,
    dateLancement: "2026-03-02",
    nature: "travaux" as const,
    ccag: "travaux" as const,
  };
  const cadre = {
    accordCadre: true,
    techniques: ["Accord-cadre" as const],
    modalitesExecution: ["Bons de commande" as const],
    formePrix: "unitaire" as const,
    typesPrix: ["Définitif révisable" as const],
  };

  const bons: MarchePourPublication[] = [
    // Procedure 1: three lots, frameworks with purchase orders; lot 2 awarded to a joint consortium; lot 1 amended.
    marche(1, {
      numero: "2025-0101",
      objet: "Entretien des espaces verts des collèges — lot 1 : secteur nord",
      ...p1,
      ...cadre,
      lotNumero: 1,
      dureeMois: 48,
      dateNotification: "2025-12-15",
      datePublicationDonnees: "2026-01-10",
      montantHtCents: 40_000_000,
      montantMinimumHtCents: 5_000_000,
      offresRecues: 2,
      titulaires: [T.ucp],
      clauseSociale: true,
      critereEnvironnemental: true,
      modifications: [
        modification(1, {
          dateNotification: "2026-06-01",
          datePublication: "2026-06-20",
          montantHtCents: 43_000_000,
          objet: "Ajout de deux collèges au périmètre",
        }),
      ],
      facturesPayees: [
        { numero: "F-2026-0113", datePaiement: "2026-03-12", montantTtcCents: 1_824_000 },
        { numero: "F-2026-0420", datePaiement: "2026-06-05", montantTtcCents: 2_112_000 },
      ],
    }),
    marche(2, {
      numero: "2025-0102",
      objet: "Entretien des espaces verts des collèges — lot 2 : secteur centre",
      ...p1,
      ...cadre,
      lotNumero: 2,
      dureeMois: 48,
      dateNotification: "2025-12-15",
      datePublicationDonnees: "2026-01-10",
      montantHtCents: 40_000_000,
      offresRecues: 2,
      typeGroupement: "Conjoint",
      titulaires: [T.rogsol, T.svabtp],
      clauseSociale: true,
      critereEnvironnemental: true,
    }),
    marche(3, {
      numero: "2025-0103",
      objet: "Entretien des espaces verts des collèges — lot 3 : secteur sud",
      ...p1,
      ...cadre,
      lotNumero: 3,
      dureeMois: 48,
      dateNotification: "2025-12-16",
      datePublicationDonnees: "2026-01-10",
      montantHtCents: 40_000_000,
      offresRecues: 1,
      titulaires: [T.sportingsols],
      marcheReserve: true,
      critereEnvironnemental: true,
    }),
    // Procedure 2: works in four lots (adapted procedure below the EU works threshold), subcontracting, advance.
    marche(4, {
      numero: "2026-0211",
      objet: "Rénovation énergétique du collège Paul-Éluard — lot 1 : gros œuvre",
      ...p2,
      lotNumero: 1,
      cpv: "45210000",
      dureeMois: 14,
      dateNotification: "2026-06-10",
      datePublicationDonnees: "2026-07-01",
      montantHtCents: 118_450_000,
      offresRecues: 2,
      titulaires: [T.legendre],
      avanceAccordee: true,
      tauxAvancePointsDeBase: 2_000,
      sousTraitanceDeclaree: true,
      actesSousTraitance: [
        {
          numero: 1,
          sousTraitant: T.ptec,
          dureeMois: 6,
          dateNotification: "2026-07-15",
          datePublication: "2026-08-01",
          montantHtCents: 8_500_000,
          variationPrix: "Révisable",
        },
      ],
      clauseSociale: true,
      clauseEnvironnementale: true,
      facturesPayees: [{ numero: "SIT-01", datePaiement: "2026-09-25", montantTtcCents: 21_600_000 }],
    }),
    marche(5, {
      numero: "2026-0212",
      objet: "Rénovation énergétique du collège Paul-Éluard — lot 2 : électricité",
      ...p2,
      lotNumero: 2,
      cpv: "45310000",
      dureeMois: 10,
      dateNotification: "2026-06-10",
      datePublicationDonnees: "2026-07-01",
      montantHtCents: 48_720_000,
      offresRecues: 2,
      typeGroupement: "Solidaire",
      titulaires: [T.lmc, T.mate],
      clauseEnvironnementale: true,
    }),
    marche(6, {
      numero: "2026-0213",
      objet: "Rénovation énergétique du collège Paul-Éluard — lot 3 : menuiseries",
      ...p2,
      lotNumero: 3,
      cpv: "45421000",
      dureeMois: 8,
      dateNotification: "2026-06-11",
      datePublicationDonnees: "2026-07-01",
      montantHtCents: 39_990_000,
      offresRecues: 1,
      titulaires: [T.fermatic],
      clauseEnvironnementale: true,
    }),
    marche(7, {
      numero: "2026-0214",
      objet: "Rénovation énergétique du collège Paul-Éluard — lot 4 : ascenseur",
      ...p2,
      lotNumero: 4,
      cpv: "45313100",
      dureeMois: 6,
      dateNotification: "2026-06-12",
      datePublicationDonnees: "2026-07-01",
      montantHtCents: 29_300_000,
      offresRecues: 1,
      titulaires: [T.nsa],
    }),
    // Procedure 3: supplies, one contract, invoices paid.
    marche(8, {
      numero: "2026-0304",
      objet: "Fourniture de mobilier scolaire pour les collèges",
      procedure: "Appel d'offres ouvert",
      procedureId: procedureId(3),
      valeurEstimeeProcedureHtCents: 60_000_000,
      dateLancement: "2026-02-02",
      nature: "fournitures",
      cpv: "39160000",
      dureeMois: 24,
      dateNotification: "2026-05-05",
      datePublicationDonnees: "2026-05-20",
      montantHtCents: 57_340_000,
      offresRecues: 2,
      titulaires: [T.frs],
      formePrix: "unitaire",
      techniques: ["Accord-cadre"],
      accordCadre: true,
      modalitesExecution: ["Bons de commande"],
      clauseEnvironnementale: true,
      facturesPayees: [
        { numero: "MOB-2026-07", datePaiement: "2026-07-28", montantTtcCents: 9_120_000 },
        { numero: "MOB-2026-09", datePaiement: "2026-10-02", montantTtcCents: 14_350_000 },
      ],
    }),
    // Procedure 4: restricted call for tenders, two amendments (one changing the duration).
    marche(9, {
      numero: "2025-0402",
      objet: "Maintenance des ascenseurs des bâtiments départementaux",
      procedure: "Appel d'offres restreint",
      procedureId: procedureId(4),
      valeurEstimeeProcedureHtCents: 90_000_000,
      dateLancement: "2025-06-02",
      cpv: "50750000",
      dureeMois: 36,
      dateNotification: "2025-10-01",
      datePublicationDonnees: "2025-10-20",
      montantHtCents: 86_000_000,
      offresRecues: 2,
      titulaires: [T.tk],
      ccag: "fcs",
      modifications: [
        modification(1, {
          dateNotification: "2026-02-02",
          datePublication: "2026-02-20",
          montantHtCents: 89_100_000,
          objet: "Ajout de la cité administrative",
        }),
        modification(2, {
          dateNotification: "2026-10-05",
          datePublication: null,
          dureeMois: 42,
          montantHtCents: 93_500_000,
          objet: "Prolongation de six mois",
        }),
      ],
    }),
    // Procedure 5: negotiated procedure on a recorded R2124-3 ground.
    marche(10, {
      numero: "2026-0501",
      objet: "AMO schéma directeur immobilier",
      procedure: "Procédure avec négociation",
      fondementProcedure: "R2124-3 4° : circonstances particulières liées à la complexité du montage",
      procedureId: procedureId(5),
      valeurEstimeeProcedureHtCents: 30_000_000,
      dateLancement: "2026-01-12",
      cpv: "71541000",
      ccag: "pi",
      dureeMois: 18,
      dateNotification: "2026-04-01",
      datePublicationDonnees: "2026-04-15",
      montantHtCents: 27_800_000,
      offresRecues: 1,
      titulaires: [T.advance],
      marcheInnovant: false,
    }),
    // Contracts entered directly (before the platform).
    marche(11, {
      numero: "2026-D001",
      objet: "Petits travaux de serrurerie (dispense de procédure)",
      procedure: "Marché passé sans publicité ni mise en concurrence préalable",
      nature: "travaux",
      cpv: "45421000",
      ccag: "travaux",
      dateNotification: "2026-04-20",
      datePublicationDonnees: null,
      montantHtCents: 3_500_000,
      titulaires: [T.fermatic],
      offresRecues: 1,
    }),
    marche(12, {
      numero: "2026-D002",
      objet: "Réfection de la cour du collège Saint-Exupéry",
      nature: "travaux",
      cpv: "45233200",
      ccag: "travaux",
      dateNotification: "2026-10-20",
      datePublicationDonnees: null,
      montantHtCents: 5_500_000,
      titulaires: [T.mvms],
      lieuExecution: { code: "94028", typeCode: "Code commune" },
    }),
    marche(13, {
      numero: "2026-D003",
      objet: "Diagnostic amiante des collèges",
      cpv: "71315300",
      ccag: "pi",
      dateNotification: "2026-08-03",
      datePublicationDonnees: null,
      montantHtCents: 8_000_000,
      titulaires: [T.advance],
    }),
    marche(14, {
      numero: "2026-D004",
      objet: "Maintenance du logiciel de gestion des collèges (droits exclusifs)",
      procedure: "Marché passé sans publicité ni mise en concurrence préalable",
      fondementProcedure: "R2122-3 3° : droits d'exclusivité de l'éditeur",
      cpv: "72267000",
      ccag: "tic",
      dateNotification: "2026-02-16",
      datePublicationDonnees: "2026-03-10",
      montantHtCents: 15_000_000,
      titulaires: [T.briand],
      offresRecues: 1,
    }),
    marche(15, {
      numero: "2026-D005",
      objet: "Marché subséquent : tonte des collèges du secteur nord",
      cpv: "77313000",
      idAccordCadre: "2025-0101",
      dateNotification: "2026-03-02",
      datePublicationDonnees: "2026-03-20",
      montantHtCents: 6_200_000,
      titulaires: [T.ucp],
      offresRecues: 1,
      clauseSociale: true,
    }),
    marche(16, {
      numero: "2026-D006",
      objet: "Insertion : entretien des locaux par une entreprise adaptée",
      cpv: "90910000",
      dateNotification: "2026-09-14",
      datePublicationDonnees: "2026-10-01",
      montantHtCents: 12_000_000,
      titulaires: [T.dg],
      marcheReserve: true,
      clauseSociale: true,
    }),
    marche(17, {
      numero: "2026-D007",
      objet: "Expérimentation de capteurs de qualité de l'air (achat innovant)",
      procedure: "Marché passé sans publicité ni mise en concurrence préalable",
      cpv: "38341000",
      nature: "fournitures",
      dateNotification: "2026-05-18",
      datePublicationDonnees: "2026-06-01",
      montantHtCents: 9_500_000,
      titulaires: [T.mate],
      marcheInnovant: true,
      offresRecues: 1,
      clauseEnvironnementale: true,
    }),
    marche(18, {
      numero: "2026-D008",
      objet: "Travaux d'étanchéité du gymnase",
      nature: "travaux",
      cpv: "45261420",
      ccag: "travaux",
      dateNotification: "2026-07-06",
      datePublicationDonnees: "2026-07-30",
      montantHtCents: 21_000_000,
      titulaires: [T.briand],
      avanceAccordee: true,
      tauxAvancePointsDeBase: 0,
      modifications: [
        modification(1, {
          dateNotification: "2026-10-12",
          datePublication: "2026-10-30",
          montantHtCents: 22_400_000,
          objet: "Reprise des relevés",
        }),
      ],
    }),
    marche(19, {
      numero: "2026-D009",
      objet: "Ravalement de la maison départementale des solidarités",
      nature: "travaux",
      cpv: "45443000",
      ccag: "travaux",
      dateNotification: "2026-11-02",
      datePublicationDonnees: null,
      montantHtCents: 31_500_000,
      titulaires: [T.macons, T.dg],
      typeGroupement: "Solidaire",
      offresRecues: 4,
    }),
    marche(20, {
      numero: "2026-D010",
      objet: "Audit énergétique de dix collèges",
      cpv: "71314300",
      ccag: "pi",
      dateNotification: "2026-09-01",
      datePublicationDonnees: null,
      montantHtCents: 4_600_000,
      titulaires: [T.advance],
      critereEnvironnemental: true,
    }),
  ];

  const mauvais: MarchePourPublication[] = [
    marche(31, { numero: "2026-X001", objet: "Titulaire au SIRET faux", titulaires: [{ siret: "12345678901234", nom: "SIRET INVENTÉ" }] }),
    marche(32, { numero: "2026-X002", objet: "Code CPV inexistant", cpv: "99999999" }),
    marche(33, {
      numero: "2026-X003",
      objet: "Sans publicité au-dessus du seuil de dispense, sans fondement",
      procedure: "Marché passé sans publicité ni mise en concurrence préalable",
      dateNotification: "2026-05-04",
      datePublicationDonnees: "2026-05-20",
      montantHtCents: 25_000_000,
    }),
    marche(34, {
      numero: "2026-X004",
      objet: "Procédure adaptée au-dessus du seuil européen des travaux",
      nature: "travaux",
      cpv: "45210000",
      ccag: "travaux",
      montantHtCents: 600_000_000,
    }),
    marche(35, {
      numero: "2026-X005",
      objet: "Avenant à montant nul",
      modifications: [modification(1, { dateNotification: "2026-05-04", datePublication: "2026-05-10", montantHtCents: 0 })],
    }),
    marche(36, {
      numero: "2026-X006",
      objet: "Publié après deux mois",
      dateNotification: "2026-01-12",
      datePublicationDonnees: "2026-04-15",
    }),
    marche(37, {
      numero: "2026-X007",
      objet: "Avenant publié après deux mois",
      modifications: [modification(1, { dateNotification: "2026-04-01", datePublication: "2026-07-15", montantHtCents: 9_500_000 })],
    }),
    marche(38, {
      numero: "2026-X008",
      objet: "Lot 3 publié deux fois",
      ...p1,
      ...cadre,
      lotNumero: 3,
      dateNotification: "2025-12-16",
      datePublicationDonnees: "2026-01-10",
      montantHtCents: 40_000_000,
    }),
    marche(39, {
      numero: "2026-X009",
      objet: "Minimum supérieur au maximum",
      ...cadre,
      montantHtCents: 10_000_000,
      montantMinimumHtCents: 12_000_000,
    }),
    marche(40, { numero: "2026-X010", objet: "Offres reçues inconnues", offresRecues: null }),
    marche(41, { numero: "2026-X011", objet: "SIRET de l'acheteur faux", acheteurSiret: "22940028800011" }),
    marche(42, { numero: "2026-X012-TROP-LONG", objet: "Identifiant trop long" }),
    marche(43, { numero: "2026-X013", objet: "Groupement non déclaré", titulaires: [T.enp, T.rogsol] }),
  ];

  return {
    organisationId,
    marches: [...bons, ...mauvais],
    procedures,
    mauvais: {
      "2026-X001": ["titulaires[0].titulaire.id"],
      "2026-X002": ["codeCPV"],
      "2026-X003": ["procedure"],
      "2026-X004": ["procedure"],
      "2026-X005": ["modifications[0].modification.montant"],
      "2026-X008": ["lot"],
      "2026-X009": ["montant"],
      "2026-X010": ["offresRecues"],
      "2026-X011": ["acheteur.id"],
      "2026-X012-TROP-LONG": ["id"],
      "2026-X013": ["typeGroupementOperateurs"],
    },
    horsPerimetre: ["2026-D001"],
    enRetard: ["2026-D003", "2026-D010"],
    /** Published after the two months: recorded as such, not blocking (X006, X007 keep their « X » of old). */
    publieesEnRetard: ["2026-X006", "2026-X007"],
  };
}

/** The fixture set without its bad records: what a clean export holds. */
export function fixturesPublicationSaines(organisationId?: string): FixturesPublication {
  const f = fixturesPublication(organisationId);
  return { ...f, marches: f.marches.filter((m) => !(m.numero in f.mauvais)), mauvais: {} };
}
