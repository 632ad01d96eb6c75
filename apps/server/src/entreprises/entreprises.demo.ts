import { systemActor, type Utilisateur } from "@achat-public/domain";
import { luhnIsValid } from "@achat-public/domain/valeurs";
import type { Entreprise } from "@achat-public/domain/entreprises";
import { prng, type DemoStep } from "../platform/demo";

/** A valid SIRET from 13 digits: the 14th is the Luhn check digit. */
export function siretDemo(treizeChiffres: string): string {
  for (let d = 0; d <= 9; d++) if (luhnIsValid(`${treizeChiffres}${d}`)) return `${treizeChiffres}${d}`;
  throw new Error("inaccessible");
}

/** The demo company of the README's company account (entreprise@demo.achat-public.fr). */
export const DEMO_ENTREPRISE = {
  raisonSociale: "Rénovation Bâtiment Créteil",
  siret: siretDemo("4123456780001"),
  activites: ["45453000-7", "45421000-4", "45442100-8"],
  territoires: ["94", "93", "77"],
  categorie: "pme" as const,
  certifications: ["Qualibat RGE", "ISO 9001"],
};

const NOMS = ["Bâtiment", "Voirie", "Nettoyage", "Informatique", "Restauration", "Paysage", "Imprimerie", "Énergie", "Conseil", "Mobilier"];
const LIEUX = ["Créteil", "Vitry", "Ivry", "Champigny", "Maisons-Alfort", "Villejuif", "Saint-Maur", "Choisy", "Fontenay", "Nogent"];
const CPV = [
  "45000000-7",
  "45233140-2",
  "90910000-9",
  "72000000-5",
  "55523100-3",
  "77310000-6",
  "79800000-2",
  "09310000-5",
  "79400000-8",
  "39100000-3",
];
const CATEGORIES = ["micro", "pme", "pme", "pme", "eti", "ge"] as const;

/**
 * Demo companies: the README's company account administers « Rénovation Bâtiment Créteil »; 80 more companies
 * (accounts without password: they fill the fair's registrations). State: `entreprises` (ids, demo first).
 */
export const entreprisesDemo: DemoStep = {
  name: "entreprises",
  async load({ uow, state }) {
    const actor = systemActor("générateur de données de démonstration");
    const organisation = await uow.organisations.first();
    if (!organisation) throw new Error("démonstration : organisation absente");
    const compte = await uow.utilisateurs.findForLogin("entreprise@demo.achat-public.fr");
    if (!compte) throw new Error("démonstration : compte entreprise absent");
    const ids: string[] = [];
    const random = prng(13);
    const ajouter = async (
      e: Omit<Entreprise, "id" | "version" | "profilPublic" | "statutInclusif"> & { statutInclusif?: Entreprise["statutInclusif"] },
      utilisateur: Utilisateur | null,
      email: string,
      nom: string,
    ) => {
      const entreprise: Entreprise = { id: uow.ids.newId(), statutInclusif: null, profilPublic: false, version: 1, ...e };
      await uow.entreprises.insert(entreprise);
      let membre = utilisateur;
      if (!membre) {
        membre = {
          id: uow.ids.newId(),
          organisationId: organisation.id,
          email,
          nomAffiche: nom,
          role: "entreprise",
          directionId: null,
          serviceId: null,
          actif: true,
          aUnMotDePasse: false,
          motDePasseAChanger: false,
          derniereConnexion: null,
          version: 1,
        };
        await uow.utilisateurs.insert(membre, null);
      }
      await uow.membres.ajouter({ utilisateurId: membre.id, entrepriseId: entreprise.id, administrateur: true });
      await uow.audit.append(actor, {
        organisationId: organisation.id,
        type: "entreprise.registered",
        aggregateType: "entreprise",
        aggregateId: entreprise.id,
        payload: { siret: entreprise.siret, raisonSociale: entreprise.raisonSociale, email: membre.email, utilisateurId: membre.id },
      });
      ids.push(entreprise.id);
    };
    await ajouter({ ...DEMO_ENTREPRISE }, compte.utilisateur, compte.utilisateur.email, compte.utilisateur.nomAffiche);
    for (let i = 0; i < 80; i++) {
      const famille = i % NOMS.length;
      const lieu = LIEUX[Math.floor(random() * LIEUX.length)] as string;
      const raisonSociale = `${NOMS[famille]} ${lieu} ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`;
      await ajouter(
        {
          siret: siretDemo(`5${String(10_000_000 + i * 7919).padStart(8, "0")}0001`),
          raisonSociale,
          activites: [CPV[famille] as string],
          territoires: ["94"],
          categorie: CATEGORIES[Math.floor(random() * CATEGORIES.length)] as Entreprise["categorie"],
          statutInclusif: i % 17 === 0 ? "siae" : i % 23 === 0 ? "esat" : null,
          certifications: [],
        },
        null,
        `contact${i + 1}@entreprise-demo.achat-public.fr`,
        `Contact ${raisonSociale}`,
      );
    }
    state.set("entreprises", ids);
    return { entreprises: ids.length };
  },
};
