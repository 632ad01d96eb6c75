import { createDirection, createService, createUtilisateur, systemActor, type Organisation, type Role } from "@achat-public/domain";
import { prng, type DemoStep } from "../platform/demo";

/**
 * Deterministic demo organisation, modelled on the Val-de-Marne: real-sounding directions and services,
 * one demo account per role (listed in the README) and agents without password. Same input, same data.
 */
export const DEMO_ORGANISATION = { nom: "Département du Val-de-Marne", siret: "22940028800010" };

export const DEMO_DIRECTIONS: { nom: string; sigle: string; services: string[] }[] = [
  {
    nom: "Direction de la commande publique",
    sigle: "DCP",
    services: ["Service des marchés", "Service achats et performance", "Service juridique de la commande publique"],
  },
  {
    nom: "Direction des bâtiments",
    sigle: "DB",
    services: ["Service construction", "Service maintenance et travaux", "Service énergie"],
  },
  {
    nom: "Direction des transports, de la voirie et des déplacements",
    sigle: "DTVD",
    services: ["Service ouvrages d'art", "Service entretien de la voirie", "Service études et travaux neufs"],
  },
  {
    nom: "Direction des services de l'environnement et de l'assainissement",
    sigle: "DSEA",
    services: ["Service exploitation des réseaux", "Service travaux d'assainissement"],
  },
  {
    nom: "Direction de l'éducation et des collèges",
    sigle: "DEC",
    services: ["Service patrimoine des collèges", "Service restauration scolaire", "Service équipements numériques des collèges"],
  },
  {
    nom: "Direction des crèches",
    sigle: "DCRE",
    services: ["Service fonctionnement des crèches", "Service alimentation et fournitures"],
  },
  {
    nom: "Direction de l'autonomie",
    sigle: "DA",
    services: ["Service établissements et services médico-sociaux", "Service aides à domicile"],
  },
  {
    nom: "Direction des systèmes d'information",
    sigle: "DSI",
    services: ["Service infrastructures", "Service applications", "Service assistance"],
  },
  { nom: "Direction des ressources humaines", sigle: "DRH", services: ["Service formation", "Service prévention et santé au travail"] },
  {
    nom: "Direction des espaces verts et du paysage",
    sigle: "DEVP",
    services: ["Service parcs départementaux", "Service arbres et paysage"],
  },
  {
    nom: "Direction de la logistique",
    sigle: "DLOG",
    services: ["Service parc automobile", "Service fournitures et imprimerie", "Service entretien des locaux"],
  },
  { nom: "Direction de la culture", sigle: "DC", services: ["Service archives départementales", "Service action culturelle"] },
  {
    nom: "Direction de l'action sociale",
    sigle: "DASO",
    services: ["Service insertion", "Service espaces départementaux des solidarités"],
  },
];

/** The demo accounts, one per role. They can log in only in demo mode. */
export const DEMO_ACCOUNTS: {
  email: string;
  password: string;
  nomAffiche: string;
  role: Role;
  direction: string | null;
  service: string | null;
}[] = [
  {
    email: "admin@demo.achat-public.fr",
    password: "demo-admin-2026",
    nomAffiche: "Camille Administratrice",
    role: "admin",
    direction: "DSI",
    service: null,
  },
  {
    email: "central@demo.achat-public.fr",
    password: "demo-central-2026",
    nomAffiche: "Karim Acheteur central",
    role: "acheteur-central",
    direction: "DCP",
    service: "Service des marchés",
  },
  {
    email: "acheteur@demo.achat-public.fr",
    password: "demo-acheteur-2026",
    nomAffiche: "Sophie Acheteuse bâtiments",
    role: "acheteur",
    direction: "DB",
    service: "Service construction",
  },
  {
    email: "lecteur@demo.achat-public.fr",
    password: "demo-lecteur-2026",
    nomAffiche: "Hélène Lectrice (élue)",
    role: "lecteur",
    direction: null,
    service: null,
  },
  {
    email: "entreprise@demo.achat-public.fr",
    password: "demo-entreprise-2026",
    nomAffiche: "Julien Entreprise",
    role: "entreprise",
    direction: null,
    service: null,
  },
];

const FIRST_NAMES = [
  "Amina",
  "Bruno",
  "Chloé",
  "David",
  "Élodie",
  "Fabrice",
  "Géraldine",
  "Hugo",
  "Inès",
  "Jérôme",
  "Karima",
  "Laurent",
  "Manon",
  "Nicolas",
  "Océane",
  "Pascal",
  "Rachida",
  "Sébastien",
  "Thi Mai",
  "Vincent",
  "Yasmine",
  "Zoé",
];
const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Nguyen",
  "Diallo",
  "Petit",
  "Moreau",
  "Haddad",
  "Lefèvre",
  "Garcia",
  "Traoré",
  "Roux",
  "Fontaine",
  "Benali",
  "Marchand",
  "Da Silva",
  "Chevalier",
];

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-")
    .replace(/^-|-$/g, "");

/** The demo organisation: its directions, services and accounts. State: `organisation`, `directions` (by acronym), `services`. */
export const organisationDemo: DemoStep = {
  name: "organisation",
  async load({ uow, state }) {
    const actor = systemActor("générateur de données de démonstration");
    const organisation: Organisation = { id: uow.ids.newId(), ...DEMO_ORGANISATION };
    await uow.organisations.insert(organisation);
    await uow.audit.append(actor, {
      type: "organisation.created",
      aggregateType: "organisation",
      aggregateId: organisation.id,
      organisationId: organisation.id,
      payload: DEMO_ORGANISATION,
    });
    const directionIds = new Map<string, string>();
    const serviceIds = new Map<string, string>();
    let services = 0;
    for (const d of DEMO_DIRECTIONS) {
      const direction = await createDirection(uow, actor, organisation.id, { nom: d.nom, sigle: d.sigle });
      directionIds.set(d.sigle, direction.id);
      for (const nom of d.services) {
        const service = await createService(uow, actor, organisation.id, direction.id, { nom });
        serviceIds.set(`${d.sigle}/${nom}`, service.id);
        services++;
      }
    }
    const idOf = (map: Map<string, string>, key: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`démonstration : ${key} inconnu`);
      return id;
    };
    let users = 0;
    for (const account of DEMO_ACCOUNTS) {
      await createUtilisateur(uow, actor, organisation.id, {
        email: account.email,
        nomAffiche: account.nomAffiche,
        role: account.role,
        directionId: account.direction ? idOf(directionIds, account.direction) : null,
        serviceId: account.service ? idOf(serviceIds, `${account.direction}/${account.service}`) : null,
        motDePasse: account.password,
        // documented demo passwords: the demo accounts are not asked to change them
        motDePasseChoisiParLeTitulaire: true,
      });
      users++;
    }
    // Agents of each direction, without password: they fill the lists but cannot log in.
    const random = prng(94);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const used = new Set<string>();
    for (const d of DEMO_DIRECTIONS) {
      const count = d.sigle === "DCP" ? 6 : 2 + Math.floor(random() * 3);
      for (let i = 0; i < count; i++) {
        const nomAffiche = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
        const base = `${slug(nomAffiche).replace(/-/g, ".")}`;
        let email = `${base}@demo.achat-public.fr`;
        for (let n = 2; used.has(email); n++) email = `${base}${n}@demo.achat-public.fr`;
        used.add(email);
        const role: Role = d.sigle === "DCP" ? (i < 4 ? "acheteur-central" : "lecteur") : i === 0 ? "lecteur" : "acheteur";
        const service = pick(d.services);
        await createUtilisateur(uow, actor, organisation.id, {
          email,
          nomAffiche,
          role,
          directionId: idOf(directionIds, d.sigle),
          serviceId: idOf(serviceIds, `${d.sigle}/${service}`),
          motDePasse: null,
        });
        users++;
      }
    }
    state.set("organisation", organisation);
    state.set("directions", directionIds);
    state.set("services", serviceIds);
    return { directions: DEMO_DIRECTIONS.length, services, comptes: users };
  },
};
