import { systemActor, type Organisation } from "@achat-public/domain";
import {
  createFamille,
  createLigne,
  publierProgramme,
  transitionLigne,
  type ActionLigne,
  type LigneProgramme,
} from "@achat-public/domain/programme";
import { COUVERTURE_MOTEUR, type Nature } from "@achat-public/domain/regles";
import { CodeCpv } from "@achat-public/domain/valeurs";
import type { UnitOfWork } from "../context";
import { demoState, prng, type DemoStep } from "../platform/demo";

/** The nomenclature of homogeneous families of the demo département (supplies and services, R2121-6). */
export const DEMO_FAMILLES: { code: string; libelle: string; nature: "fournitures" | "services"; prefixesCpv: string[] }[] = [
  { code: "F-INFO", libelle: "Matériel informatique et logiciels", nature: "fournitures", prefixesCpv: ["302", "48"] },
  { code: "F-MOB", libelle: "Mobilier", nature: "fournitures", prefixesCpv: ["391"] },
  { code: "F-BUR", libelle: "Fournitures de bureau et papeterie", nature: "fournitures", prefixesCpv: ["301", "228"] },
  { code: "F-VEH", libelle: "Véhicules", nature: "fournitures", prefixesCpv: ["341"] },
  { code: "F-CARB", libelle: "Carburants", nature: "fournitures", prefixesCpv: ["091"] },
  { code: "F-ALIM", libelle: "Denrées alimentaires", nature: "fournitures", prefixesCpv: ["15", "031"] },
  { code: "F-ENTR", libelle: "Produits d'entretien et d'hygiène", nature: "fournitures", prefixesCpv: ["398", "337"] },
  { code: "F-EPI", libelle: "Vêtements de travail et équipements de protection", nature: "fournitures", prefixesCpv: ["181", "188"] },
  { code: "F-VOIR", libelle: "Fournitures de voirie et signalisation", nature: "fournitures", prefixesCpv: ["349", "441"] },
  { code: "S-NETT", libelle: "Nettoyage des locaux", nature: "services", prefixesCpv: ["909"] },
  { code: "S-MAINT", libelle: "Maintenance des installations techniques des bâtiments", nature: "services", prefixesCpv: ["507", "508"] },
  { code: "S-CUIS", libelle: "Maintenance des équipements de cuisine", nature: "services", prefixesCpv: ["50883"] },
  { code: "S-ESPV", libelle: "Entretien des espaces verts et élagage", nature: "services", prefixesCpv: ["773", "772"] },
  { code: "S-INFO", libelle: "Services informatiques", nature: "services", prefixesCpv: ["72"] },
  { code: "S-FORM", libelle: "Formation professionnelle", nature: "services", prefixesCpv: ["805", "804"] },
  { code: "S-TELE", libelle: "Télécommunications", nature: "services", prefixesCpv: ["642"] },
  { code: "S-ASSU", libelle: "Assurances", nature: "services", prefixesCpv: ["665"] },
  { code: "S-ETUD", libelle: "Études, architecture et ingénierie", nature: "services", prefixesCpv: ["712", "713", "719", "794"] },
  { code: "S-TRAN", libelle: "Transport de personnes", nature: "services", prefixesCpv: ["601"] },
  { code: "S-GARD", libelle: "Gardiennage et sécurité", nature: "services", prefixesCpv: ["797"] },
  { code: "S-IMPR", libelle: "Impression et reprographie", nature: "services", prefixesCpv: ["798"] },
  { code: "S-CONS", libelle: "Conseil juridique", nature: "services", prefixesCpv: ["791"] },
  { code: "S-ASST", libelle: "Curage et inspection des réseaux", nature: "services", prefixesCpv: ["904"] },
  { code: "S-SOC", libelle: "Services sociaux et de santé", nature: "services", prefixesCpv: ["85"] },
  { code: "F-JEUX", libelle: "Jouets et matériel d'éveil", nature: "fournitures", prefixesCpv: ["375"] },
  { code: "F-VEG", libelle: "Végétaux", nature: "fournitures", prefixesCpv: ["0345"] },
];

type Besoin = [objet: string, nature: Nature, cpv8: string, eurosMin: number, eurosMax: number];

/** Typical needs of each demo direction (object, nature, CPV, value range in euros HT). */
const BESOINS: Record<string, Besoin[]> = {
  DCP: [
    ["Accord-cadre mutualisé de fournitures de bureau", "fournitures", "30192000", 260_000, 420_000],
    ["Accord-cadre mutualisé de mobilier de bureau", "fournitures", "39130000", 0, 0],
    ["Assistance juridique à la passation des marchés", "services", "79111000", 40_000, 80_000],
    ["Abonnement à une plateforme de veille des marchés publics", "services", "72320000", 15_000, 30_000],
  ],
  DB: [
    ["Maintenance des installations de chauffage et de ventilation", "services", "50720000", 900_000, 1_600_000],
    ["Maintenance des ascenseurs des bâtiments départementaux", "services", "50750000", 250_000, 420_000],
    ["Contrôles techniques et coordination SPS", "services", "71356000", 120_000, 240_000],
    ["Maîtrise d'œuvre pour la rénovation énergétique", "services", "71240000", 300_000, 700_000],
    ["Nettoyage des bâtiments administratifs", "services", "90911200", 1_200_000, 2_400_000],
    ["Gardiennage des sites départementaux", "services", "79713000", 600_000, 1_100_000],
  ],
  DTVD: [
    ["Entretien des chaussées départementales", "travaux", "45233141", 1_500_000, 3_800_000],
    ["Signalisation horizontale des routes départementales", "fournitures", "34922100", 240_000, 480_000],
    ["Fourniture de mobilier urbain et de signalisation verticale", "fournitures", "34928400", 230_000, 350_000],
    ["Études de circulation et comptages", "services", "71311210", 60_000, 140_000],
    ["Réparation des ouvrages d'art", "travaux", "45221119", 400_000, 1_900_000],
  ],
  DSEA: [
    ["Réhabilitation des réseaux d'assainissement", "travaux", "45232410", 900_000, 3_500_000],
    ["Curage et inspection télévisée des collecteurs", "services", "90470000", 300_000, 650_000],
    ["Analyses d'eaux usées", "services", "71900000", 90_000, 180_000],
    ["Vêtements de travail des égoutiers", "fournitures", "18110000", 25_000, 45_000],
  ],
  DEC: [
    ["Ordinateurs portables pour les collèges", "fournitures", "30213100", 500_000, 1_400_000],
    ["Tableaux numériques interactifs des collèges", "fournitures", "30231300", 250_000, 480_000],
    ["Denrées alimentaires pour la restauration des collèges", "fournitures", "15800000", 900_000, 1_600_000],
    ["Maintenance des équipements de cuisine des collèges", "services", "50883000", 0, 0],
    ["Transport des élèves en situation de handicap", "services", "60130000", 2_000_000, 3_800_000],
    ["Reconstruction de la demi-pension d'un collège", "travaux", "45214200", 2_500_000, 5_000_000],
  ],
  DCRE: [
    ["Couches et produits d'hygiène pour les crèches", "fournitures", "33760000", 240_000, 360_000],
    ["Denrées alimentaires biologiques pour les crèches", "fournitures", "15500000", 300_000, 520_000],
    ["Jouets et matériel d'éveil", "fournitures", "37520000", 40_000, 80_000],
    ["Entretien des jardins des crèches", "services", "77311000", 25_000, 55_000],
  ],
  DA: [
    ["Téléassistance des personnes âgées", "services", "85312400", 450_000, 900_000],
    ["Évaluation externe des établissements médico-sociaux", "services", "79419000", 45_000, 85_000],
    ["Transport des personnes âgées vers les accueils de jour", "services", "60120000", 150_000, 300_000],
  ],
  DSI: [
    ["Postes de travail et écrans des agents", "fournitures", "30213000", 800_000, 1_500_000],
    ["Licences de logiciels bureautiques", "fournitures", "48310000", 400_000, 900_000],
    ["Tierce maintenance applicative", "services", "72267000", 600_000, 1_200_000],
    ["Téléphonie mobile et accès internet", "services", "64212000", 300_000, 700_000],
    ["Hébergement et infogérance", "services", "72500000", 400_000, 900_000],
  ],
  DRH: [
    ["Formation des agents aux premiers secours", "services", "80562000", 0, 0],
    ["Assurance statutaire du personnel", "services", "66512000", 700_000, 1_300_000],
    ["Médecine préventive et bilans de santé", "services", "85147000", 120_000, 260_000],
  ],
  DEVP: [
    ["Entretien des parcs départementaux", "services", "77313000", 800_000, 1_600_000],
    ["Plantations d'arbres d'alignement", "fournitures", "03451300", 60_000, 140_000],
    ["Élagage et abattage", "services", "77211400", 200_000, 400_000],
    ["Vêtements de travail des jardiniers", "fournitures", "18110000", 20_000, 40_000],
  ],
  DLOG: [
    ["Véhicules électriques légers", "fournitures", "34144900", 600_000, 1_200_000],
    ["Carburants et cartes accréditives", "fournitures", "09130000", 900_000, 1_500_000],
    ["Impression des supports de communication", "services", "79820000", 250_000, 450_000],
    ["Produits d'entretien des locaux", "fournitures", "39830000", 240_000, 380_000],
    ["Vêtements de travail et chaussures de sécurité", "fournitures", "18830000", 240_000, 360_000],
  ],
};

/**
 * Genuine split purchases, fixed (not random): lines of one family (or one works operation) each under a
 * threshold that their sum reaches. 0 in BESOINS above means the family's need lives only here.
 */
const FRACTIONNEMENTS: {
  annee: "courante" | "suivante";
  direction: string;
  objet: string;
  nature: Nature;
  cpv8: string;
  euros: number;
  operation?: string;
}[] = [
  // furniture bought by four directions, each under the 90 000 € publicity threshold, together 221 000 € ≥ EU threshold (216 000 €)
  { annee: "suivante", direction: "DEC", objet: "Mobilier scolaire des collèges", nature: "fournitures", cpv8: "39160000", euros: 82_000 },
  {
    annee: "suivante",
    direction: "DCRE",
    objet: "Mobilier adapté aux jeunes enfants",
    nature: "fournitures",
    cpv8: "39161000",
    euros: 48_000,
  },
  { annee: "suivante", direction: "DA", objet: "Mobilier des accueils de jour", nature: "fournitures", cpv8: "39150000", euros: 36_000 },
  {
    annee: "suivante",
    direction: "DB",
    objet: "Mobilier de bureau du nouveau bâtiment",
    nature: "fournitures",
    cpv8: "39130000",
    euros: 55_000,
  },
  // training bought by several directions, each under 60 000 €
  {
    annee: "suivante",
    direction: "DRH",
    objet: "Formation aux gestes de premiers secours",
    nature: "services",
    cpv8: "80562000",
    euros: 42_000,
  },
  {
    annee: "suivante",
    direction: "DSI",
    objet: "Formation des agents aux outils bureautiques",
    nature: "services",
    cpv8: "80533100",
    euros: 38_000,
  },
  { annee: "suivante", direction: "DEVP", objet: "Formation à la conduite d'engins", nature: "services", cpv8: "80411200", euros: 26_000 },
  // one works operation cut into lots each under 90 000 €
  {
    annee: "suivante",
    direction: "DEC",
    objet: "Réfection des sanitaires — plomberie",
    nature: "travaux",
    cpv8: "45330000",
    euros: 78_000,
    operation: "Collège Paul-Éluard : sanitaires",
  },
  {
    annee: "suivante",
    direction: "DEC",
    objet: "Réfection des sanitaires — carrelage",
    nature: "travaux",
    cpv8: "45431000",
    euros: 64_000,
    operation: "Collège Paul-Éluard : sanitaires",
  },
  {
    annee: "suivante",
    direction: "DEC",
    objet: "Réfection des sanitaires — peinture",
    nature: "travaux",
    cpv8: "45442100",
    euros: 31_000,
    operation: "Collège Paul-Éluard : sanitaires",
  },
  // current year: kitchen maintenance bought by two services, each under 60 000 €
  {
    annee: "courante",
    direction: "DEC",
    objet: "Maintenance des équipements de cuisine (collèges Est)",
    nature: "services",
    cpv8: "50883000",
    euros: 52_000,
  },
  {
    annee: "courante",
    direction: "DEC",
    objet: "Maintenance des équipements de cuisine (collèges Ouest)",
    nature: "services",
    cpv8: "50883000",
    euros: 49_000,
  },
];

const PRECISIONS = [
  "",
  " (lot 1)",
  " (lot 2)",
  " — secteur Nord",
  " — secteur Sud",
  " — sites de Créteil",
  " — sites de Vitry-sur-Seine",
  " — renouvellement",
];

const cpv = (code8: string) => CodeCpv.parse(code8).code;

/**
 * The programme of the current and next year: the families of the nomenclature, a few hundred lines over the
 * directions through the audited use cases, and the fixed split-purchase cases. Current year: every line
 * published. Next year: mostly published, the rest spread over the workflow. Deterministic.
 */
export const programmeDemo: DemoStep = {
  name: "programme",
  async load({ ctx, uow, state }) {
    const actor = systemActor("données de démonstration");
    const organisation = demoState<Organisation>(state, "organisation");
    const directions = demoState<Map<string, string>>(state, "directions");
    // the engine knows the rules until COUVERTURE_MOTEUR.au: the demo's next year stays inside it
    const annee = Math.min(new Date(ctx.clock.now()).getUTCFullYear(), Number(COUVERTURE_MOTEUR.au.slice(0, 4)) - 1);
    const random = prng(2027);
    const entre = (min: number, max: number) => Math.round((min + random() * (max - min)) / 100) * 100;

    for (const f of DEMO_FAMILLES) await createFamille(uow, actor, organisation.id, { ...f, actif: true });

    const lignes: { ligne: LigneProgramme; cible: "publiee" | "validee" | "soumise" | "renvoyee" | "brouillon" }[] = [];
    for (const [offset, quand] of [
      [0, "courante"],
      [1, "suivante"],
    ] as const) {
      const an = annee + offset;
      for (const [sigle, besoins] of Object.entries(BESOINS)) {
        const directionId = directions.get(sigle);
        if (!directionId) continue;
        for (const [objet, nature, cpv8, min, max] of besoins) {
          if (max === 0) continue;
          // small needs are declared once: repeating them would make split purchases by chance
          // (next year's programme is the detailed one: 2 to 4 lines per large need, 2 for the current year)
          const repetitions = max < 250_000 ? 1 : 2 + Math.floor(random() * (quand === "suivante" ? 3 : 1));
          for (let i = 0; i < repetitions; i++) {
            const precision = repetitions > 1 ? (PRECISIONS[1 + ((i + Math.floor(random() * 6)) % (PRECISIONS.length - 1))] ?? "") : "";
            const ligne = await createLigne(uow, actor, organisation.id, {
              annee: an,
              directionId,
              objet: `${objet}${precision}`,
              nature,
              cpv: cpv(cpv8),
              operation: nature === "travaux" ? `${objet}${precision} ${an}` : null,
              valeurEstimeeHtCents: entre(min, max) * 100,
              trimestre: 1 + Math.floor(random() * 4),
              dureeMois: nature === "travaux" ? 6 + Math.floor(random() * 18) : ([12, 24, 36, 48][Math.floor(random() * 4)] ?? 12),
              renouvellement: random() < 0.6,
              clauseSociale: random() < 0.3,
              lotReserve: random() < 0.05,
              critereEnvironnemental: random() < 0.7,
              innovation: random() < 0.05,
            });
            lignes.push({ ligne, cible: quand === "courante" ? "publiee" : cibleSuivante(random()) });
          }
        }
      }
      for (const f of FRACTIONNEMENTS.filter((x) => x.annee === quand)) {
        const directionId = directions.get(f.direction);
        if (!directionId) continue;
        const ligne = await createLigne(uow, actor, organisation.id, {
          annee: an,
          directionId,
          objet: f.objet,
          nature: f.nature,
          cpv: cpv(f.cpv8),
          operation: f.operation ?? null,
          valeurEstimeeHtCents: f.euros * 100,
          trimestre: 2,
          dureeMois: 12,
          renouvellement: false,
          critereEnvironnemental: true,
        });
        lignes.push({ ligne, cible: quand === "courante" ? "publiee" : "soumise" });
      }
    }
    const compte: Record<string, number> = {};
    for (const { ligne, cible } of lignes) {
      await avancer(uow, actor, organisation.id, ligne, cible);
      compte[`${ligne.annee} ${cible}`] = (compte[`${ligne.annee} ${cible}`] ?? 0) + 1;
    }
    // the procurement directorate publishes each programme at once (one aggregation per year)
    for (const an of [annee, annee + 1]) await publierProgramme(uow, actor, organisation.id, an);
    return { familles: DEMO_FAMILLES.length, lignes: lignes.length, ...compte };
  },
};

function cibleSuivante(x: number): "publiee" | "validee" | "soumise" | "renvoyee" | "brouillon" {
  if (x < 0.55) return "publiee";
  if (x < 0.7) return "validee";
  if (x < 0.85) return "soumise";
  if (x < 0.92) return "renvoyee";
  return "brouillon";
}

const CHEMINS: Record<string, ActionLigne[]> = {
  brouillon: [],
  soumise: ["soumettre"],
  renvoyee: ["soumettre", "renvoyer"],
  validee: ["soumettre", "valider"],
  publiee: ["soumettre", "valider"],
};

async function avancer(
  uow: UnitOfWork,
  actor: ReturnType<typeof systemActor>,
  organisationId: string,
  ligne: LigneProgramme,
  cible: string,
) {
  let courante = ligne;
  for (const action of CHEMINS[cible] ?? []) {
    courante = await transitionLigne(uow, actor, organisationId, courante.id, action, {
      version: courante.version,
      commentaire: action === "renvoyer" ? "Préciser la quantité et justifier la valeur estimée." : null,
    });
  }
}
