import {
  createDirection,
  createService,
  createUser,
  systemActor,
  type Organisation,
  type PasswordHasher,
  type Role,
} from "@achat-public/domain";
import type { Repositories } from "@achat-public/db";

/**
 * Deterministic demo organisation, modelled on the Val-de-Marne: real-sounding directions and services,
 * one demo account per role (listed in the README) and agents without password. Same input, same data.
 */
export const DEMO_ORGANISATION = { name: "Département du Val-de-Marne", siret: "22940028800010" };

export const DEMO_DIRECTIONS: { name: string; acronym: string; services: string[] }[] = [
  {
    name: "Direction de la commande publique",
    acronym: "DCP",
    services: ["Service des marchés", "Service achats et performance", "Service juridique de la commande publique"],
  },
  {
    name: "Direction des bâtiments",
    acronym: "DB",
    services: ["Service construction", "Service maintenance et travaux", "Service énergie"],
  },
  {
    name: "Direction des transports, de la voirie et des déplacements",
    acronym: "DTVD",
    services: ["Service ouvrages d'art", "Service entretien de la voirie", "Service études et travaux neufs"],
  },
  {
    name: "Direction des services de l'environnement et de l'assainissement",
    acronym: "DSEA",
    services: ["Service exploitation des réseaux", "Service travaux d'assainissement"],
  },
  {
    name: "Direction de l'éducation et des collèges",
    acronym: "DEC",
    services: ["Service patrimoine des collèges", "Service restauration scolaire", "Service équipements numériques des collèges"],
  },
  {
    name: "Direction des crèches",
    acronym: "DCRE",
    services: ["Service fonctionnement des crèches", "Service alimentation et fournitures"],
  },
  {
    name: "Direction de l'autonomie",
    acronym: "DA",
    services: ["Service établissements et services médico-sociaux", "Service aides à domicile"],
  },
  {
    name: "Direction des systèmes d'information",
    acronym: "DSI",
    services: ["Service infrastructures", "Service applications", "Service assistance"],
  },
  { name: "Direction des ressources humaines", acronym: "DRH", services: ["Service formation", "Service prévention et santé au travail"] },
  {
    name: "Direction des espaces verts et du paysage",
    acronym: "DEVP",
    services: ["Service parcs départementaux", "Service arbres et paysage"],
  },
  {
    name: "Direction de la logistique",
    acronym: "DLOG",
    services: ["Service parc automobile", "Service fournitures et imprimerie", "Service entretien des locaux"],
  },
  { name: "Direction de la culture", acronym: "DC", services: ["Service archives départementales", "Service action culturelle"] },
  {
    name: "Direction de l'action sociale",
    acronym: "DASO",
    services: ["Service insertion", "Service espaces départementaux des solidarités"],
  },
];

/** The demo accounts, one per role. They can log in only in demo mode. */
export const DEMO_ACCOUNTS: {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  direction: string | null;
  service: string | null;
}[] = [
  {
    email: "admin@demo.achat-public.fr",
    password: "demo-admin-2026",
    displayName: "Camille Administratrice",
    role: "admin",
    direction: "DSI",
    service: null,
  },
  {
    email: "central@demo.achat-public.fr",
    password: "demo-central-2026",
    displayName: "Karim Acheteur central",
    role: "acheteur-central",
    direction: "DCP",
    service: "Service des marchés",
  },
  {
    email: "acheteur@demo.achat-public.fr",
    password: "demo-acheteur-2026",
    displayName: "Sophie Acheteuse bâtiments",
    role: "acheteur",
    direction: "DB",
    service: "Service construction",
  },
  {
    email: "lecteur@demo.achat-public.fr",
    password: "demo-lecteur-2026",
    displayName: "Hélène Lectrice (élue)",
    role: "lecteur",
    direction: null,
    service: null,
  },
  {
    email: "entreprise@demo.achat-public.fr",
    password: "demo-entreprise-2026",
    displayName: "Julien Entreprise",
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

/** mulberry32: a tiny seeded PRNG, so the demo data never changes between runs. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-")
    .replace(/^-|-$/g, "");

export interface DemoSummary {
  directions: number;
  services: number;
  users: number;
}

/** Loads the demo organisation into an empty database, through the audited use cases. */
export async function loadDemoData(repos: Repositories, hasher: PasswordHasher): Promise<DemoSummary> {
  const actor = systemActor("générateur de données de démonstration");
  const organisation: Organisation = { id: repos.ids.newId(), ...DEMO_ORGANISATION };
  await repos.organisations.insert(organisation);
  await repos.audit.append(actor, {
    type: "organisation.created",
    aggregateType: "organisation",
    aggregateId: organisation.id,
    payload: DEMO_ORGANISATION,
  });
  const deps = { ...repos, hasher };
  const directionIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();
  let services = 0;
  for (const d of DEMO_DIRECTIONS) {
    const direction = await createDirection(deps, actor, organisation.id, { name: d.name, acronym: d.acronym });
    directionIds.set(d.acronym, direction.id);
    for (const name of d.services) {
      const service = await createService(deps, actor, organisation.id, direction.id, { name });
      serviceIds.set(`${d.acronym}/${name}`, service.id);
      services++;
    }
  }
  let users = 0;
  for (const account of DEMO_ACCOUNTS) {
    await createUser(deps, actor, organisation.id, {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      directionId: account.direction ? directionIds.get(account.direction)! : null,
      serviceId: account.service ? serviceIds.get(`${account.direction}/${account.service}`)! : null,
      password: account.password,
    });
    users++;
  }
  // Agents of each direction, without password: they fill the lists but cannot log in.
  const random = prng(94);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const used = new Set<string>();
  for (const d of DEMO_DIRECTIONS) {
    const count = d.acronym === "DCP" ? 6 : 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const displayName = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      const base = `${slug(displayName).replace(/-/g, ".")}`;
      let email = `${base}@demo.achat-public.fr`;
      for (let n = 2; used.has(email); n++) email = `${base}${n}@demo.achat-public.fr`;
      used.add(email);
      const role: Role = d.acronym === "DCP" ? (i < 4 ? "acheteur-central" : "lecteur") : i === 0 ? "lecteur" : "acheteur";
      const service = pick(d.services);
      await createUser(deps, actor, organisation.id, {
        email,
        displayName,
        role,
        directionId: directionIds.get(d.acronym)!,
        serviceId: serviceIds.get(`${d.acronym}/${service}`)!,
        password: null,
      });
      users++;
    }
  }
  return { directions: DEMO_DIRECTIONS.length, services, users };
}
