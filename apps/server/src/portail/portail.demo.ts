import { actorOf } from "@achat-public/domain/acces";
import { creerRecherche } from "@achat-public/domain/portail";
import type { DemoStep } from "../platform/demo";

/**
 * The demo company's saved searches (entreprise@demo.achat-public.fr): second-œuvre works in the Val-de-Marne, and
 * facility maintenance above 40 000 € HT. Nothing marked as sent: the first digest lists what matches on the day.
 */
export const portailDemo: DemoStep = {
  name: "portail",
  async load({ uow }) {
    const compte = await uow.utilisateurs.findForLogin("entreprise@demo.achat-public.fr");
    if (!compte) return { recherches: 0 };
    const actor = actorOf(compte.utilisateur);
    if ((await uow.membres.deUtilisateur(actor.userId)) === null) return { recherches: 0 };
    await creerRecherche(uow, actor, {
      nom: "Travaux de second œuvre dans le Val-de-Marne",
      frequence: "hebdomadaire",
      prefixesCpv: ["4542", "4544", "4545"],
      departement: "94",
    });
    await creerRecherche(uow, actor, {
      nom: "Entretien et maintenance des bâtiments",
      frequence: "quotidienne",
      prefixesCpv: ["5070", "4545"],
      montantMinHtCents: 4_000_000,
    });
    return { recherches: 2 };
  },
};
