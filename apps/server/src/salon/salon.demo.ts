import { systemActor } from "@achat-public/domain";
import { creerSalon, type SalonInput } from "@achat-public/domain/salon";
import { demoState, prng, type DemoStep } from "../platform/demo";

const JOURNEE: Omit<SalonInput, "nom" | "date" | "statut" | "capaciteEntreprises"> = {
  lieu: "Hôtel du Département, avenue du Général-de-Gaulle, Créteil",
  heureOuverture: "09:00",
  heureFermeture: "17:00",
  dureeCreneauMinutes: 20,
  pauses: [{ debut: "12:20", fin: "13:40" }],
  tables: 40,
  personnesParEntreprise: 2,
};

/**
 * Two fairs, dated from the day the demo is loaded: last year's (held: 60 companies admitted, 5 on the waiting list,
 * check-ins with a few no-shows; the demo company was there) and next year's (registrations open, 150 places, 40
 * companies registered; the demo company is not yet, so that the demo can register it).
 */
export const salonDemo: DemoStep = {
  name: "salon",
  async load({ uow, state }) {
    const actor = systemActor("générateur de données de démonstration");
    const organisation = await uow.organisations.first();
    if (!organisation) throw new Error("démonstration : organisation absente");
    const entreprises = demoState<string[]>(state, "entreprises");
    const annee = uow.clock.now().getUTCFullYear();
    const random = prng(2027);
    const passe = await creerSalon(uow, actor, organisation.id, {
      ...JOURNEE,
      nom: `Salon de l'achat public ${annee - 1}`,
      date: `${annee - 1}-06-11`,
      statut: "ouvert",
      capaciteEntreprises: 60,
    });
    const inscrire = async (salonId: string, entrepriseId: string, statut: "acceptee" | "attente", presence: "present" | "absent" | null) =>
      uow.inscriptionsSalon.insert({
        id: uow.ids.newId(),
        salonId,
        entrepriseId,
        statut,
        personnes: 1 + Math.floor(random() * 2),
        inscritLe: new Date(Date.UTC(annee - 1, 3, 1 + Math.floor(random() * 50))),
        promueLe: null,
        presence,
      });
    let presents = 0;
    for (let i = 0; i < 65; i++) {
      const acceptee = i < 60;
      const present = acceptee && (i === 0 || random() > 0.12);
      if (present) presents++;
      await inscrire(
        passe.id,
        entreprises[i] as string,
        acceptee ? "acceptee" : "attente",
        acceptee ? (present ? "present" : "absent") : null,
      );
    }
    await uow.salons.update({ ...passe, statut: "tenu", version: 2 }, 1);
    const prochain = await creerSalon(uow, actor, organisation.id, {
      ...JOURNEE,
      nom: `Salon de l'achat public ${annee + 1}`,
      date: `${annee + 1}-06-10`,
      statut: "ouvert",
      capaciteEntreprises: 150,
    });
    for (let i = 1; i <= 40; i++) await inscrire(prochain.id, entreprises[i] as string, "acceptee", null);
    return { salons: 2, inscriptionsSalon: 105, presentsSalon: presents };
  },
};
