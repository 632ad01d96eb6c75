import { systemActor, type Organisation, type UserActor } from "@achat-public/domain";
import { evaluerAcheteur } from "@achat-public/domain/espace";
import { ajouterFacture, cloturerMarche, creerMarche, type MarcheEntree } from "@achat-public/domain/marches";
import { addDays, addMonths } from "@achat-public/domain/valeurs";
import type { UnitOfWork } from "../context";
import { DEMO_ENTREPRISE } from "../entreprises/entreprises.demo";
import { aujourdhuiParis } from "../marches/aujourdhui";
import { demoState, type DemoStep } from "../platform/demo";

type Nature = "travaux" | "services" | "fournitures";

interface MarcheDemo {
  numero: number;
  direction: string;
  objet: string;
  nature: Nature;
  cpv: string;
  montantHt: number;
  /** Notification, in months before the first of this month. */
  notifieIlYA: number;
  dureeMois: number;
  /** Holders: index in the demo companies (0 = Rénovation Bâtiment Créteil), role. */
  titulaires: [number, "titulaire" | "mandataire" | "cotraitant"][];
  /** Invoices: [received, in days after notification; paid, days after reception (null: unpaid); amount TTC]. */
  factures: [number, number | null, number][];
  /** Closed, with the supplier evaluation (quality, delays, relationship, comment) and closing months after notification. */
  cloture?: [number, number, number, string | null, number];
  /** The département evaluated by the holder(s) of index given: payment, clarity, relationship, comment. */
  evaluations?: [number, number, number, number, string | null][];
}

/**
 * The company's space in the demo: « Rénovation Bâtiment Créteil » holds three contracts with the département
 * (one closed and evaluated both ways, one framework agreement with invoices paid late and one unpaid past its due
 * date, one consortium where it is co-holder); ten other demo companies hold one contract each and evaluated the
 * département, so that the aggregate of the procurement directorate has figures. Dates move with the day of the
 * load, like the portfolio (first of the current month).
 */
const MARCHES: MarcheDemo[] = [
  {
    numero: 1,
    direction: "DB",
    objet: "Rénovation des sanitaires du collège Louis Issaurat à Créteil",
    nature: "travaux",
    cpv: "45332400-7",
    montantHt: 186_400,
    notifieIlYA: 20,
    dureeMois: 10,
    titulaires: [[0, "titulaire"]],
    factures: [
      [60, 28, 72_000],
      [150, 48, 81_600],
      [270, 30, 70_080],
    ],
    cloture: [4, 4, 5, "Chantier mené en site occupé sans incident ; réserves levées sous quinze jours.", 12],
    evaluations: [[0, 3, 4, 5, "Une facture payée avec dix-huit jours de retard, intérêts versés sans relance ; pièces du DCE claires."]],
  },
  {
    numero: 2,
    direction: "DB",
    objet: "Accord-cadre de travaux de peinture et revêtements dans les bâtiments départementaux",
    nature: "travaux",
    cpv: "45442100-8",
    montantHt: 400_000,
    notifieIlYA: 10,
    dureeMois: 24,
    titulaires: [[0, "titulaire"]],
    factures: [
      [30, 21, 18_240],
      [75, 29, 26_880],
      [120, 55, 31_200],
      [165, 27, 22_800],
      [210, null, 35_760],
      [280, null, 14_400],
    ],
  },
  {
    numero: 3,
    direction: "DSEA",
    objet: "Réhabilitation de la crèche départementale de Vitry-sur-Seine (groupement)",
    nature: "travaux",
    cpv: "45454000-4",
    montantHt: 920_000,
    notifieIlYA: 5,
    dureeMois: 14,
    titulaires: [
      [1, "mandataire"],
      [0, "cotraitant"],
    ],
    factures: [[45, 44, 264_000]],
  },
  // other demo companies, each one contract and its evaluation of the département
  ...(
    [
      [2, "DB", "Entretien des toitures des collèges", "travaux", "45261900-3", 95_000, 30, 12, 4, 4, 4, null],
      [
        3,
        "DB",
        "Remplacement des menuiseries du collège Molière",
        "travaux",
        "45421100-5",
        210_000,
        26,
        8,
        2,
        3,
        3,
        "Paiements lents : plus de quarante jours pour deux situations.",
      ],
      [4, "DB", "Mise en accessibilité de l'hôtel du Département", "travaux", "45453000-7", 330_000, 14, 12, 4, 3, 4, null],
      [
        5,
        "DTVD",
        "Reprise des enrobés de la RD 19",
        "travaux",
        "45233142-6",
        540_000,
        22,
        6,
        5,
        4,
        4,
        "Échanges réguliers avec le conducteur d'opération.",
      ],
      [
        6,
        "DTVD",
        "Signalisation horizontale des routes départementales",
        "travaux",
        "45233221-4",
        180_000,
        16,
        12,
        3,
        2,
        4,
        "Le bordereau des prix ne correspondait pas au CCTP.",
      ],
      [7, "DTVD", "Entretien des ouvrages d'art", "services", "71312000-8", 120_000, 9, 24, 4, 4, 5, null],
      [8, "DEC", "Restauration scolaire : fourniture de denrées biologiques", "fournitures", "15000000-8", 260_000, 28, 12, 5, 4, 4, null],
      [
        9,
        "DEC",
        "Nettoyage des locaux des collèges (lot 3)",
        "services",
        "90919200-4",
        150_000,
        18,
        12,
        3,
        3,
        3,
        "Délais de réponse aux questions trop courts pendant la consultation.",
      ],
      [10, "DEC", "Maintenance des équipements de cuisine", "services", "50883000-8", 70_000, 7, 24, 4, 5, 4, null],
      [11, "DSI", "Maintenance du parc informatique des collèges", "services", "50320000-4", 240_000, 12, 24, 2, 4, 3, null],
    ] as const
  ).map(
    (
      [indice, direction, objet, nature, cpv, montantHt, notifieIlYA, dureeMois, paiement, clarte, relation, commentaire],
      k,
    ): MarcheDemo => ({
      numero: 4 + k,
      direction,
      objet,
      nature,
      cpv,
      montantHt,
      notifieIlYA,
      dureeMois,
      titulaires: [[indice, "titulaire"]],
      factures: [[40, paiement <= 2 ? 47 : 26, Math.round(montantHt * 0.3 * 1.2)]],
      ...(notifieIlYA > dureeMois + 2 ? { cloture: [4, 4, 4, null, dureeMois + 1] as MarcheDemo["cloture"] } : {}),
      evaluations: [[indice, paiement, clarte, relation, commentaire]],
    }),
  ),
];

async function acteurEntreprise(uow: UnitOfWork, entrepriseId: string, organisationId: string): Promise<UserActor> {
  const { rows } = await uow.executeSql(
    `select u.id, u.email from entreprise_membres m join utilisateurs u on u.id = m.utilisateur_id
      where m.entreprise_id = $1 order by m.administrateur desc, u.email limit 1`,
    [entrepriseId],
  );
  const compte = rows[0] as { id: string; email: string } | undefined;
  if (!compte) throw new Error("démonstration : entreprise sans compte");
  return { kind: "user", userId: compte.id, organisationId, role: "entreprise", directionId: null, label: compte.email };
}

export const espaceDemo: DemoStep = {
  name: "espace",
  async load({ ctx, uow, state }) {
    const actor = systemActor("générateur de données de démonstration");
    const organisation = demoState<Organisation>(state, "organisation");
    const directions = demoState<Map<string, string>>(state, "directions");
    const entrepriseIds = demoState<string[]>(state, "entreprises");
    const entreprises = await Promise.all(entrepriseIds.slice(0, 12).map((id) => uow.entreprises.get(id)));
    if (entreprises[0]?.siret !== DEMO_ENTREPRISE.siret) throw new Error("démonstration : l'entreprise de démonstration vient en premier");
    const premierDuMois = `${aujourdhuiParis(ctx.clock.now()).slice(0, 8)}01`;
    const annee = premierDuMois.slice(0, 4);
    let factures = 0;
    let evaluations = 0;
    for (const d of MARCHES) {
      const notification = addMonths(premierDuMois, -d.notifieIlYA);
      const titulaires = d.titulaires.map(([i, role]) => {
        const e = entreprises[i];
        if (!e) throw new Error(`démonstration : entreprise ${i} absente`);
        return { siret: e.siret, nom: e.raisonSociale, categorie: e.categorie, role };
      });
      const cents = d.montantHt * 100;
      const accordCadre = d.numero === 2;
      const entree: MarcheEntree = {
        directionId: directions.get(d.direction) ?? "",
        numero: `${notification.slice(0, 4)}-${String(90_000 + d.numero)}`,
        objet: d.objet,
        procedure: d.montantHt >= 221_000 && d.nature !== "travaux" ? "Appel d'offres ouvert" : "Procédure adaptée",
        nature: d.nature,
        cpv: d.cpv,
        formePrix: accordCadre ? "unitaire" : "forfaitaire",
        accordCadre,
        montantHtCents: accordCadre ? null : cents,
        montantMinHtCents: accordCadre ? 0 : null,
        montantMaxHtCents: accordCadre ? cents : null,
        dateNotification: notification,
        dateDebut: notification,
        dureeMois: d.dureeMois,
        reconductionsNombre: 0,
        reconductionDureeMois: null,
        ccag: d.nature === "travaux" ? "travaux" : "fcs",
        clauseSociale: false,
        heuresInsertionPrevues: null,
        clauseEnvironnementale: d.nature !== "services",
        marcheReserve: false,
        achatInnovant: false,
        avanceAccordee: false,
        tauxAvancePointsDeBase: null,
        retenueGarantiePointsDeBase: null,
        attribueParCao: false,
        dateLancement: null,
        titulaires,
      };
      const marche = await creerMarche(uow, actor, organisation.id, entree);
      for (const [k, [recue, payee, montantTtc]] of d.factures.entries()) {
        const dateReception = addDays(notification, recue);
        await ajouterFacture(uow, actor, organisation.id, marche.id, {
          numero: `F-${annee}-${String(d.numero).padStart(2, "0")}${k + 1}`,
          montantTtcCents: montantTtc * 100,
          dateReception,
          datePaiement: payee === null ? null : addDays(dateReception, payee),
        });
        factures++;
      }
      if (d.cloture) {
        const [qualite, delais, relation, commentaire, apres] = d.cloture;
        await cloturerMarche(uow, actor, organisation.id, marche.id, {
          qualite,
          delais,
          relation,
          commentaire,
          dateCloture: addMonths(notification, apres),
          version: marche.version,
        });
      }
      for (const [i, paiement, clarte, relation, commentaire] of d.evaluations ?? []) {
        const entreprise = entreprises[i];
        if (!entreprise) continue;
        const evaluateur = await acteurEntreprise(uow, entreprise.id, organisation.id);
        await evaluerAcheteur(uow, evaluateur, marche.id, { paiement, clarte, relation, commentaire, version: null });
        evaluations++;
      }
    }
    return { "marchés des entreprises de démonstration": MARCHES.length, factures, "évaluations du département": evaluations };
  },
};
