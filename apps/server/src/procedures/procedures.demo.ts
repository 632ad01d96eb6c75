import { systemActor, type Organisation } from "@achat-public/domain";
import {
  aujourdhui,
  createClause,
  creerProcedure,
  publierProcedure,
  saisirOffre,
  verifierChoixProcedure,
  type Clause,
  type ClauseInput,
  type Lot,
  type Procedure,
} from "@achat-public/domain/procedures";
import { cleAgregation, type LigneProgramme } from "@achat-public/domain/programme";
import { COUVERTURE_MOTEUR } from "@achat-public/domain/regles";
import { addDays, maxDate } from "@achat-public/domain/valeurs";
import { demoState, prng, type DemoStep } from "../platform/demo";
import sourcesDecp from "../marches/donnees/fournisseurs-decp.json" with { type: "json" };

/** The model clauses of the demo clause library (kept by the procurement directorate). */
export const DEMO_CLAUSES: ClauseInput[] = [
  {
    type: "sociale",
    usage: "condition-execution",
    titre: "Insertion par l'activité économique (travaux)",
    texte:
      "Le titulaire réserve à des personnes éloignées de l'emploi un nombre d'heures de travail calculé par la formule ci-dessous, " +
      "avec l'appui du facilitateur de la clause sociale du Département.",
    formuleHeures: { partMainOeuvrePct: 40, tauxInsertionPct: 5, coutHoraireCents: 3_500 },
    actif: true,
  },
  {
    type: "sociale",
    usage: "condition-execution",
    titre: "Insertion par l'activité économique (services)",
    texte: "Le titulaire réserve des heures d'insertion, suivies par le facilitateur, selon la formule de la clause.",
    formuleHeures: { partMainOeuvrePct: 60, tauxInsertionPct: 7, coutHoraireCents: 3_000 },
    actif: true,
  },
  {
    type: "sociale",
    usage: "critere-attribution",
    titre: "Critère de performance en matière d'insertion",
    texte: "Les offres sont notées sur les moyens proposés pour l'insertion professionnelle des publics en difficulté.",
    formuleHeures: null,
    actif: true,
  },
  {
    type: "environnementale",
    usage: "condition-execution",
    titre: "Réduction et tri des déchets de chantier",
    texte: "Le titulaire trie à la source les déchets de chantier et justifie leur filière de valorisation.",
    formuleHeures: null,
    actif: true,
  },
  {
    type: "environnementale",
    usage: "condition-execution",
    titre: "Produits écolabellisés",
    texte: "Les produits fournis ou employés portent l'écolabel européen ou un label équivalent.",
    formuleHeures: null,
    actif: true,
  },
  {
    type: "environnementale",
    usage: "critere-attribution",
    titre: "Critère environnemental : émissions de gaz à effet de serre",
    texte: "Les offres sont notées sur le bilan carbone des prestations (transport, matériaux, énergie).",
    formuleHeures: null,
    actif: true,
  },
  {
    type: "innovation",
    usage: "specification",
    titre: "Variantes innovantes autorisées",
    texte: "Les candidats peuvent présenter une variante innovante, jugée selon les mêmes critères.",
    formuleHeures: null,
    actif: true,
  },
];

const CRITERES = [
  { libelle: "Prix", poids: 50, environnemental: false, prix: true },
  { libelle: "Valeur technique", poids: 35, environnemental: false, prix: false },
  { libelle: "Performance environnementale", poids: 15, environnemental: true, prix: false },
];

const URL_PROFIL = "https://marches.valdemarne.example.fr/consultation";

/**
 * The procedures of the demo département:
 * - a year of procedures before today, from the current programme's published lines (one procedure per family or
 *   operation, a lot per line) topped up with procedures outside the programme, awarded and notified (about 60
 *   procedures, a little over 200 lots: the scale of the portfolio's yearly notified contracts), some lots
 *   unsuccessful and two procedures unsuccessful. They are written as records (no
 *   `procedures.attribution-notifiee` job): the contracts demo already holds the contracts of that year, so
 *   notifying them again would double the portfolio;
 * - a handful of consultations open today through the use cases (published, deadline in the coming weeks), a
 *   few tenders entered, and two drafts.
 * Deterministic, apart from the dates, relative to the day the demo loads.
 */
export const proceduresDemo: DemoStep = {
  name: "procedures",
  async load({ ctx, uow, state }) {
    const actor = systemActor("données de démonstration");
    const organisation = demoState<Organisation>(state, "organisation");
    const directions = demoState<Map<string, string>>(state, "directions");
    const random = prng(8080);
    const jour = aujourdhui(ctx.clock.now());
    // the rules are known from COUVERTURE_MOTEUR.du: no historical date before it
    const debut = maxDate(addDays(jour, -365), COUVERTURE_MOTEUR.du);
    const annee = Number(jour.slice(0, 4));

    const clauses: Clause[] = [];
    for (const c of DEMO_CLAUSES) clauses.push(await createClause(uow, actor, organisation.id, c));
    const [insertionTravaux, insertionServices, , dechets, ecolabel] = clauses as [Clause, Clause, Clause, Clause, Clause];

    const familles = new Map((await uow.programme.listFamilles(organisation.id)).map((f) => [f.id, f]));
    const publiees = (await uow.programme.listAnnee(organisation.id, Math.min(annee, Number(COUVERTURE_MOTEUR.au.slice(0, 4)) - 1))).filter(
      (l) => l.statut === "publiee",
    );
    const groupes = new Map<string, LigneProgramme[]>();
    for (const l of publiees) {
      const cle = `${l.directionId}|${cleAgregation(l, familles)}`;
      groupes.set(cle, [...(groupes.get(cle) ?? []), l]);
    }
    const fournisseurs = sourcesDecp as [string, string, string, string, string][];
    const fournisseur = () => fournisseurs[Math.floor(random() * fournisseurs.length)] as [string, string, string, string, string];
    const categories = ["micro", "pme", "pme", "eti", "ge"] as const;

    // the open consultations use the first groups; the history the others
    const groupesListe = [...groupes.values()];
    const ouvertes = groupesListe.slice(0, 5);
    const historiques = groupesListe.slice(5);
    const sigles = [...directions.entries()];

    const compte = { historiques: 0, lots: 0, lotsInfructueux: 0, ouvertes: 0 };
    const CIBLE_PROCEDURES = 60;
    for (let i = 0; i < CIBLE_PROCEDURES; i++) {
      const groupe = historiques[i];
      const [sigleDirection, directionParDefaut] = sigles[i % sigles.length] as [string, string];
      const lignes = groupe ? groupe.slice(0, 6) : [];
      const nature = lignes[0]?.nature ?? (["services", "fournitures", "travaux"] as const)[i % 3] ?? "services";
      const lotsBase =
        lignes.length > 0
          ? lignes.map((l) => ({ objet: l.objet, cpv: l.cpv, valeurEstimeeHtCents: l.valeurEstimeeHtCents }))
          : Array.from({ length: 2 + Math.floor(random() * 5) }, (_, k) => ({
              objet: `Lot ${k + 1} — secteur ${["Nord", "Sud", "Est", "Ouest", "Centre", "Plateau"][k]}`,
              cpv: nature === "travaux" ? "45453000-7" : nature === "fournitures" ? "39830000-9" : "90911200-8",
              valeurEstimeeHtCents: Math.round(30_000 + random() * 300_000) * 100,
            }));
      // at least 3 lots a procedure on average: a little over 200 contracts a year
      while (lotsBase.length < 3) {
        const premier = lotsBase[0] ?? { objet: "Lot", cpv: "90911200-8", valeurEstimeeHtCents: 10_000_000 };
        lotsBase.push({ ...premier, objet: `${premier.objet} — secteur ${lotsBase.length + 1}` });
      }
      const publication = addDays(debut, Math.floor((i * 300) / CIBLE_PROCEDURES));
      const id = ctx.ids.newId();
      const brouillon: Procedure = {
        id,
        organisationId: organisation.id,
        directionId: lignes[0]?.directionId ?? directionParDefaut,
        reference: `${publication.slice(0, 4)}-P-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`,
        annee: Number(publication.slice(0, 4)),
        objet: lignes.length > 0 ? (lignes[0]?.objet ?? "") : `Marché de la direction ${sigleDirection} (antérieur à la programmation)`,
        nature,
        lignesProgrammeIds: [],
        motifHorsProgramme: "Procédure lancée avant la mise en service de la programmation sur la plateforme.",
        procedure: "Procédure adaptée",
        justificationProcedure: null,
        publicite: "libre",
        criteres: CRITERES,
        conditionExecutionSociale: random() < 0.4,
        conditionExecutionEnvironnementale: true,
        innovant: false,
        heuresInsertionPrevues: null,
        urlProfilAcheteur: `${URL_PROFIL}/${id.slice(0, 8)}`,
        dureeMois: lignes[0]?.dureeMois ?? 24,
        etat: "notifiee",
        lots: [],
        clauses: [],
        datePublication: publication,
        dateLimiteReception: null,
        dateSeanceCao: null,
        dateAttribution: null,
        dateSignature: null,
        dateNotification: null,
        dateAvisAttribution: null,
        version: 1,
      };
      const lots: Lot[] = lotsBase.map((l, k) => ({
        numero: k + 1,
        ...l,
        reserve: k === 2 && random() < 0.3,
        accordCadre: nature !== "travaux",
        offres: [],
        infructueux: false,
        offresRetenues: [],
        montantAttribueHtCents: null,
      }));
      // the procedure the engine calls for (formalised: open tender) and its publicity
      const formalisee = verifierChoixProcedure(
        { ...brouillon, lots, procedure: "Appel d'offres ouvert", justificationProcedure: "x" },
        null,
        publication,
      );
      const procedure = formalisee.analyse.procedure === "procedure-formalisee" ? "Appel d'offres ouvert" : "Procédure adaptée";
      const justificationProcedure =
        formalisee.analyse.procedure === "sans-publicite-ni-mise-en-concurrence"
          ? "Mise en concurrence volontaire, au-delà du seuil de dispense."
          : null;
      const { publicite } = verifierChoixProcedure({ ...brouillon, lots, procedure, justificationProcedure }, null, publication);
      const cao = procedure === "Appel d'offres ouvert";
      const limite = addDays(publication, cao ? 40 : 25);
      const attribution = addDays(limite, cao ? 30 : 20);
      const signature = addDays(attribution, 14);
      const notification = addDays(signature, 2);
      const sansOffre = i % 17 === 16; // two procedures without any tender
      for (const lot of lots) {
        const n = sansOffre || random() < 0.06 ? 0 : 1 + Math.floor(random() * 5);
        for (let k = 0; k < n; k++) {
          const [siret, nom, departement] = fournisseur();
          if (lot.offres.some((o) => o.siret === siret)) continue;
          lot.offres.push({
            id: ctx.ids.newId(),
            siret,
            nom,
            categorie: categories[Math.floor(random() * categories.length)] ?? null,
            localisation: departement || null,
            membres: [],
            prixHtCents: Math.round((lot.valeurEstimeeHtCents * (0.8 + random() * 0.35)) / 100) * 100,
          });
        }
        lot.infructueux = lot.offres.length === 0;
        if (!lot.infructueux) {
          const meilleure = [...lot.offres].sort((a, b) => a.prixHtCents - b.prixHtCents)[0];
          lot.offresRetenues = meilleure ? [meilleure.id] : [];
          lot.montantAttribueHtCents = lot.accordCadre ? lot.valeurEstimeeHtCents : (meilleure?.prixHtCents ?? null);
        }
      }
      const infructueuse = lots.every((l) => l.infructueux);
      const p: Procedure = {
        ...brouillon,
        procedure,
        justificationProcedure,
        publicite,
        lots,
        lignesProgrammeIds: lignes.map((l) => l.id),
        motifHorsProgramme: lignes.length > 0 ? null : brouillon.motifHorsProgramme,
        clauses: [
          {
            clauseId: (nature === "travaux" ? dechets : ecolabel).id,
            type: "environnementale",
            titre: (nature === "travaux" ? dechets : ecolabel).titre,
            choisieLe: `${publication}T09:00:00.000Z`,
            choisiePar: actor.label,
          },
        ],
        etat: infructueuse ? "infructueuse" : "notifiee",
        dateLimiteReception: limite,
        dateSeanceCao: cao && !infructueuse ? addDays(limite, 20) : null,
        dateAttribution: infructueuse ? null : attribution,
        dateSignature: infructueuse ? null : signature,
        dateNotification: infructueuse ? null : notification,
        dateAvisAttribution: infructueuse || !cao ? null : addDays(notification, 20),
      };
      await uow.procedures.insert(p);
      await uow.audit.append(actor, {
        organisationId: organisation.id,
        type: "procedure.created",
        aggregateType: "procedure",
        aggregateId: p.id,
        payload: { reference: p.reference, objet: p.objet, historique: true, etat: p.etat },
      });
      compte.historiques++;
      compte.lots += lots.length;
      compte.lotsInfructueux += lots.filter((l) => l.infructueux).length;
    }

    // consultations open today (deadline in the coming weeks), through the use cases
    for (const [k, groupe] of ouvertes.entries()) {
      const lignes = groupe.slice(0, 4);
      const premiere = lignes[0];
      if (!premiere) continue;
      const publication = addDays(jour, -(2 + k));
      const lots = lignes.map((l) => ({
        objet: l.objet,
        cpv: l.cpv,
        valeurEstimeeHtCents: l.valeurEstimeeHtCents,
        reserve: false,
        accordCadre: l.nature !== "travaux",
      }));
      const brouillon = {
        nature: premiere.nature,
        innovant: false,
        lots: lots.map((l, n) => ({ ...l, numero: n + 1 })),
      } as unknown as Procedure;
      const analyse = verifierChoixProcedure(
        { ...brouillon, procedure: "Appel d'offres ouvert", justificationProcedure: "x" },
        null,
        publication,
      ).analyse;
      const formalisee = analyse.procedure === "procedure-formalisee";
      let p = await creerProcedure(uow, actor, organisation.id, {
        annee: Number(publication.slice(0, 4)),
        directionId: premiere.directionId,
        lignesProgrammeIds: lignes.map((l) => l.id),
        motifHorsProgramme: null,
        clauseIds: [
          premiere.nature === "travaux" ? insertionTravaux.id : insertionServices.id,
          premiere.nature === "travaux" ? dechets.id : ecolabel.id,
        ],
        objet: premiere.objet,
        nature: premiere.nature,
        procedure: formalisee ? "Appel d'offres ouvert" : "Procédure adaptée",
        justificationProcedure:
          analyse.procedure === "sans-publicite-ni-mise-en-concurrence"
            ? "Mise en concurrence volontaire, au-delà du seuil de dispense."
            : null,
        publicite: null,
        criteres: CRITERES,
        conditionExecutionSociale: true,
        conditionExecutionEnvironnementale: true,
        innovant: false,
        urlProfilAcheteur: `${URL_PROFIL}/ouverte-${k + 1}`,
        dureeMois: premiere.dureeMois,
        dateLimiteReception: addDays(jour, 14 + 7 * k + (formalisee ? 21 : 0)),
        lots,
      });
      p = (await publierProcedure(uow, actor, organisation.id, p.id, { version: p.version, datePublication: publication })).procedure;
      if (k === 0) {
        const [siret, nom, departement] = fournisseur();
        p = await saisirOffre(uow, actor, organisation.id, p.id, 1, {
          siret,
          nom,
          categorie: "pme",
          localisation: departement || null,
          membres: [],
          prixHtCents: Math.round((premiere.valeurEstimeeHtCents * 0.9) / 100) * 100,
          version: p.version,
        });
      }
      compte.ouvertes++;
    }
    return compte;
  },
};
