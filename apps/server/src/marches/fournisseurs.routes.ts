import { creerFournisseur, ficheFournisseur, listerFournisseurs, modifierFournisseur } from "@achat-public/domain/fournisseurs";
import {
  Fiche360Output,
  FournisseurInput,
  FournisseurOutput,
  FournisseursPage,
  FournisseursQuery,
  FournisseurUpdate,
  IdParams,
  page,
  presentFiche360,
  presentFournisseur,
  presentFournisseurResume,
} from "@achat-public/contracts";
import { defineRoutes } from "../platform/routes";

export const fournisseursRoutes = defineRoutes("Fournisseurs", (r) => {
  r.read({
    method: "GET",
    url: "/api/fournisseurs",
    access: "fournisseurs.read",
    summary: "L'annuaire des fournisseurs (par SIRET, regroupables par SIREN), filtré, trié et paginé",
    query: FournisseursQuery,
    response: FournisseursPage,
    handler: async ({ actor, uow, query }) => {
      const { total, fournisseurs } = await listerFournisseurs(uow, actor, { organisationId: actor.organisationId, ...query });
      return page(query, total, "fournisseurs", fournisseurs.map(presentFournisseurResume));
    },
  });
  r.read({
    method: "GET",
    url: "/api/fournisseurs/:id",
    access: "fournisseurs.read",
    summary: "Fiche 360 d'un fournisseur : marchés tenus, montants par année, évaluations, délais de paiement subis",
    params: IdParams,
    response: Fiche360Output,
    handler: async ({ actor, uow, params }) => presentFiche360(await ficheFournisseur(uow, actor, actor.organisationId, params.id)),
  });
  r.write({
    method: "POST",
    url: "/api/fournisseurs",
    access: "fournisseurs.manage",
    summary: "Ajouter un fournisseur à l'annuaire (SIRET vérifié)",
    body: FournisseurInput,
    response: FournisseurOutput,
    status: 201,
    example: { body: { siret: "73282932000074", nom: "Entreprise d'exemple", codeCommune: "94028", categorie: "pme" } },
    handler: async ({ actor, uow, body }) => presentFournisseur(await creerFournisseur(uow, actor, actor.organisationId, body)),
  });
  r.write({
    method: "PUT",
    url: "/api/fournisseurs/:id",
    access: "fournisseurs.manage",
    summary: "Modifier un fournisseur (version lue : 409 si elle a changé)",
    params: IdParams,
    body: FournisseurUpdate,
    response: FournisseurOutput,
    example: { body: { siret: "73282932000074", nom: "Entreprise d'exemple", version: 1 } },
    handler: async ({ actor, uow, params, body }) =>
      presentFournisseur(await modifierFournisseur(uow, actor, actor.organisationId, params.id, body)),
  });
});
