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
  page,
  IdParams,
  MotDePasseInput,
  presentUtilisateur,
  UtilisateurCreate,
  UtilisateurOutput,
  UtilisateursPage,
  UtilisateursQuery,
  UtilisateurUpdate,
} from "@achat-public/contracts";
import { ExportQuery } from "@achat-public/contracts";
import { sendExport } from "../platform/files";
import { readOnly } from "../context";
import { defineRoutes } from "../platform/routes";
import { COLONNES_UTILISATEURS } from "./utilisateurs.import";

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
      return page(query, total, "utilisateurs", utilisateurs.map(presentUtilisateur));
    },
  });

  r.raw({
    url: "/api/utilisateurs/export",
    access: "user.read",
    summary: "Exporter les comptes visibles (XLSX ou CSV), avec les filtres de la liste",
    query: UtilisateursQuery.omit({ page: true, parPage: true }).extend(ExportQuery.shape),
    handler: async ({ request, reply, ctx, session }) => {
      const query = UtilisateursQuery.omit({ page: true, parPage: true }).extend(ExportQuery.shape).parse(request.query);
      const actor = session?.actor;
      if (!actor) throw new Error("unreachable: access checked");
      const { directions } = await readOnly(ctx).directions.list(actor.organisationId, 10_000);
      const sigles = new Map(directions.map((d) => [d.id, d.sigle]));
      const services = new Map(directions.flatMap((d) => d.services.map((s) => [s.id, s.nom] as const)));
      async function* rows() {
        for (let page = 1; ; page++) {
          const { utilisateurs } = await listUtilisateurs(readOnly(ctx), actor as NonNullable<typeof actor>, {
            organisationId: (actor as NonNullable<typeof actor>).organisationId,
            ...(query.recherche ? { recherche: query.recherche } : {}),
            ...(query.role ? { role: query.role } : {}),
            ...(query.directionId ? { directionId: query.directionId } : {}),
            page,
            parPage: 1000,
          });
          for (const u of utilisateurs) {
            yield {
              ...u,
              direction: u.directionId ? sigles.get(u.directionId) : null,
              service: u.serviceId ? services.get(u.serviceId) : null,
            };
          }
          if (utilisateurs.length < 1000) return;
        }
      }
      return sendExport(reply, rows(), COLONNES_UTILISATEURS, query.format, "comptes");
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
