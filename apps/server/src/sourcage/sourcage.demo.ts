import { actorOf } from "@achat-public/domain/acces";
import { jourParis, ouvrirDemande, repondreDemande, signalerInteret } from "@achat-public/domain/sourcage";
import { addDays, type DateLegale } from "@achat-public/domain/valeurs";
import type { UnitOfWork } from "../context";
import { demoState, type DemoStep } from "../platform/demo";

async function acteur(uow: UnitOfWork, email: string) {
  const compte = await uow.utilisateurs.findForLogin(email);
  return compte ? actorOf(compte.utilisateur) : null;
}

const NOTES = [
  "Nous avons rénové trois collèges du Val-de-Marne ces deux dernières années ; une visite des sites nous aiderait.",
  "Intéressés par un lot de peinture et revêtements de sol ; nous pouvons répondre en groupement avec un plâtrier de Vitry.",
  null,
];

/**
 * Demo: the demo company (« Rénovation Bâtiment Créteil ») and a few other demo companies signal interest on the
 * published lines of the demo buyer's direction (the latest quarters first); the buyer opens one sourcing
 * questionnaire, closing three weeks after the load date (the demo stays live whatever the day), answered by the
 * demo company and two others.
 */
export const sourcageDemo: DemoStep = {
  name: "sourcage",
  async load({ uow, state }): Promise<Record<string, number>> {
    const entreprise = await acteur(uow, "entreprise@demo.achat-public.fr");
    const acheteur = await acteur(uow, "acheteur@demo.achat-public.fr");
    if (!entreprise || !acheteur?.directionId || (await uow.membres.deUtilisateur(entreprise.userId)) === null) return { signaux: 0 };
    const { rows: lignes } = (await uow.executeSql(
      `select id, annee from lignes_programme where statut = 'publiee' and direction_id = $1
       order by annee desc, trimestre desc, valeur_estimee_ht_cents desc, id limit 4`,
      [acheteur.directionId],
    )) as { rows: { id: string; annee: number }[] };
    if (lignes.length === 0) return { signaux: 0 };
    const entreprises = demoState<string[]>(state, "entreprises").slice(1, 7);
    const { rows: membres } = (await uow.executeSql(
      `select u.email from entreprise_membres m join utilisateurs u on u.id = m.utilisateur_id
       where m.entreprise_id::text = any(string_to_array($1, ',')) order by u.email`,
      [entreprises.join(",")],
    )) as { rows: { email: string }[] };
    const autres = (await Promise.all(membres.map((m) => acteur(uow, m.email)))).filter((a) => a !== null);

    let signaux = 0;
    for (const [i, ligne] of lignes.slice(0, 3).entries()) {
      await signalerInteret(uow, entreprise, ligne.id, { note: NOTES[i] ?? null });
      signaux++;
    }
    for (const [i, autre] of autres.entries()) {
      const ligne = lignes[i % 2] as { id: string };
      await signalerInteret(uow, autre, ligne.id, { note: i === 0 ? "Entreprise adaptée : nous pouvons prendre un lot réservé." : null });
      signaux++;
    }

    const premiere = lignes[0] as { id: string; annee: number };
    const aujourdhui = jourParis(uow.clock.now()) as DateLegale;
    const { demande } = await ouvrirDemande(
      uow,
      acheteur,
      premiere.id,
      {
        titre: "Préparation de la consultation : allotissement et délais",
        introduction:
          "La direction prépare la consultation de cet achat. Vos réponses nous aident à définir les lots et le calendrier ; elles ne vous engagent pas.",
        questions: [
          { libelle: "Pouvez-vous intervenir en site occupé (collèges ouverts) ?", type: "oui-non" },
          {
            libelle: "Quel allotissement vous permettrait de répondre ?",
            type: "choix",
            choix: ["Un lot unique", "Un lot par bâtiment", "Un lot par corps d'état"],
          },
          { libelle: "Quel délai de préparation vous faut-il avant le début des travaux ?", type: "texte" },
        ],
        dateCloture: addDays(aujourdhui, 21),
      },
      "/programme-public",
    );
    const reponses: [typeof entreprise, Record<string, string | boolean>][] = [
      [entreprise, { q1: true, q2: "Un lot par corps d'état", q3: "Six semaines, pour commander les matériaux et planifier les équipes." }],
      ...autres
        .slice(0, 2)
        .map((a, i): [typeof entreprise, Record<string, string | boolean>] => [
          a,
          i === 0 ? { q1: false, q2: "Un lot par bâtiment" } : { q1: true, q2: "Un lot unique", q3: "Un mois." },
        ]),
    ];
    for (const [qui, r] of reponses) await repondreDemande(uow, qui, demande.id, { reponses: r, version: null });
    return { signaux, questionnaires: 1, reponses: reponses.length };
  },
};
