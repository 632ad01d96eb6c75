import { z } from "zod";
import {
  createUtilisateur,
  deleteUtilisateur,
  getUtilisateur,
  listUtilisateurs,
  resetPassword,
  updateUtilisateur,
} from "@achat-public/domain";
import {
  IdParams,
  MotDePasseInput,
  presentUtilisateur,
  UtilisateurCreate,
  UtilisateurOutput,
  UtilisateursPage,
  UtilisateursQuery,
  UtilisateurUpdate,
} from "@achat-public/contracts";
import { defineRoutes } from "../platform/routes";

export const utilisateursRoutes = defineRoutes("Utilisateurs", (r) => {
  r.read({
    method: "GET",
    url: "/api/utilisateurs",
    access: "user.read",
    summary: "Comptes visibles par l'utilisateur connecté, page par page",
    description:
      "Administrateurs et acheteurs centraux voient tous les comptes ; un acheteur, ceux de sa direction. Ordre alphabétique des noms.",
    query: UtilisateursQuery,
    response: UtilisateursPage,
    handler: async ({ actor, uow, query }) => {
      const { total, utilisateurs } = await listUtilisateurs(uow, actor, { organisationId: actor.organisationId, ...query });
      return { total, page: query.page, parPage: query.parPage, utilisateurs: utilisateurs.map(presentUtilisateur) };
    },
  });

  r.read({
    method: "GET",
    url: "/api/utilisateurs/:id",
    access: "user.read",
    summary: "Un compte",
    params: IdParams,
    response: UtilisateurOutput,
    handler: async ({ actor, uow, params }) => presentUtilisateur(await getUtilisateur(uow, actor, actor.organisationId, params.id)),
  });

  r.write({
    method: "POST",
    url: "/api/utilisateurs",
    access: "user.manage",
    summary: "Créer un compte",
    description: "Un mot de passe initial donné ici devra être remplacé par le titulaire à sa première connexion.",
    body: UtilisateurCreate,
    response: UtilisateurOutput,
    status: 201,
    example: {
      body: {
        email: "exemple@valdemarne.fr",
        nomAffiche: "Compte Exemple",
        role: "lecteur",
        directionId: null,
        serviceId: null,
        motDePasse: null,
      },
    },
    handler: async ({ actor, uow, body }) => presentUtilisateur(await createUtilisateur(uow, actor, actor.organisationId, body)),
  });

  r.write({
    method: "PUT",
    url: "/api/utilisateurs/:id",
    access: "user.manage",
    summary: "Modifier un compte",
    description: "Désactiver un compte ou changer son rôle ou sa direction ferme ses sessions.",
    params: IdParams,
    body: UtilisateurUpdate,
    response: UtilisateurOutput,
    handler: async ({ actor, uow, params, body }) =>
      presentUtilisateur(await updateUtilisateur(uow, actor, actor.organisationId, params.id, body)),
  });

  r.write({
    method: "DELETE",
    url: "/api/utilisateurs/:id",
    access: "user.manage",
    summary: "Supprimer un compte",
    params: IdParams,
    response: z.null(),
    status: 204,
    handler: async ({ actor, uow, params }) => {
      await deleteUtilisateur(uow, actor, actor.organisationId, params.id);
      return null;
    },
  });

  r.write({
    method: "PUT",
    url: "/api/utilisateurs/:id/mot-de-passe",
    access: "user.manage",
    summary: "Définir le mot de passe d'un compte",
    description:
      "Ferme les sessions ouvertes du compte, qui devra choisir le sien à sa prochaine connexion. Au moins 12 caractères, difficile à deviner. " +
      "Pour votre propre compte, donnez aussi `motDePasseActuel`.",
    params: IdParams,
    body: MotDePasseInput,
    response: z.null(),
    status: 204,
    handler: async ({ actor, uow, params, body }) => {
      await resetPassword(uow, actor, actor.organisationId, params.id, body);
      return null;
    },
  });
});
