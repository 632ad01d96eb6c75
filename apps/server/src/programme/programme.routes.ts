import { z } from "zod";
import {
  agregationProgramme,
  alertesParLigne,
  createFamille,
  createLigne,
  getLigne,
  historiqueLigne,
  ligneProgrammePublique,
  listFamilles,
  listLignes,
  publierProgramme,
  rechercherProgrammePublic,
  transitionLigne,
  updateFamille,
  updateLigne,
} from "@achat-public/domain/programme";
import {
  AgregationProgrammeOutput,
  Annee,
  FamilleAchatInput,
  FamilleAchatOutput,
  FamilleAchatUpdate,
  IdParams,
  LignePubliqueOutput,
  LigneProgrammeInput,
  LigneProgrammeOutput,
  LigneProgrammeUpdate,
  LignesProgrammePage,
  LignesProgrammeQuery,
  page,
  presentAgregation,
  presentFamille,
  presentLigne,
  presentLignePublique,
  presentVersion,
  ProgrammePublicOutput,
  ProgrammePublicQuery,
  TransitionLigneInput,
  TransitionParams,
  VersionLigneOutput,
  versDomaine,
} from "@achat-public/contracts";
import { readOnly } from "../context";
import { sendExport, sendFile } from "../platform/files";
import { defineRoutes } from "../platform/routes";
import { COLONNES_PROGRAMME_PUBLIC } from "./programme.import";

const ExportPublicQuery = ProgrammePublicQuery.omit({ page: true, parPage: true }).extend({
  format: z.enum(["csv", "json", "xlsx"], { error: "Format attendu : csv, json ou xlsx." }).default("csv"),
});

const FiltresPublicsOutput = z.object({
  familles: z.array(z.object({ code: z.string(), libelle: z.string() })),
  directions: z.array(z.object({ id: z.string(), nom: z.string() })),
});

export const programmeRoutes = defineRoutes("Programmation des achats", (r) => {
  // ---------------------------------------------------------------------------------------------- families
  r.read({
    method: "GET",
    url: "/api/programme/familles",
    access: "programme.read",
    summary: "Nomenclature des familles d'achat homogènes (R2121-6) et leurs préfixes CPV",
    response: z.array(FamilleAchatOutput),
    handler: async ({ actor, uow }) => (await listFamilles(uow, actor, actor.organisationId)).map(presentFamille),
  });
  r.write({
    method: "POST",
    url: "/api/programme/familles",
    access: "programme.familles",
    summary: "Créer une famille d'achat homogène",
    body: FamilleAchatInput,
    response: FamilleAchatOutput,
    status: 201,
    example: { body: { code: "F-TEST", libelle: "Famille de test", nature: "fournitures", prefixesCpv: ["301"], actif: true } },
    handler: async ({ actor, uow, body }) => presentFamille(await createFamille(uow, actor, actor.organisationId, body)),
  });
  r.write({
    method: "PUT",
    url: "/api/programme/familles/:id",
    access: "programme.familles",
    summary: "Modifier une famille d'achat homogène",
    params: IdParams,
    body: FamilleAchatUpdate,
    response: FamilleAchatOutput,
    handler: async ({ actor, uow, params, body }) => presentFamille(await updateFamille(uow, actor, actor.organisationId, params.id, body)),
  });

  // ---------------------------------------------------------------------------------------------- lines
  r.read({
    method: "GET",
    url: "/api/programme/lignes",
    access: "programme.read",
    summary: "Lignes de la programmation d'une année, page par page",
    description:
      "Un acheteur de direction ne voit que les lignes de sa direction. Chaque ligne porte l'alerte de fractionnement de sa famille.",
    query: LignesProgrammeQuery,
    response: LignesProgrammePage,
    example: { query: { annee: "2027" } },
    handler: async ({ actor, uow, query }) => {
      const { total, lignes } = await listLignes(uow, actor, { organisationId: actor.organisationId, ...query });
      const alertes = await alertesParLigne(uow, actor, actor.organisationId, query.annee);
      return page(
        query,
        total,
        "lignes",
        lignes.map((l) => presentLigne(l, alertes.get(l.id) ?? null)),
      );
    },
  });
  r.read({
    method: "GET",
    url: "/api/programme/lignes/:id",
    access: "programme.read",
    summary: "Une ligne de la programmation",
    params: IdParams,
    response: LigneProgrammeOutput,
    handler: async ({ actor, uow, params }) => {
      const ligne = await getLigne(uow, actor, actor.organisationId, params.id);
      const alertes = await alertesParLigne(uow, actor, actor.organisationId, ligne.annee);
      return presentLigne(ligne, alertes.get(ligne.id) ?? null);
    },
  });
  r.read({
    method: "GET",
    url: "/api/programme/lignes/:id/versions",
    access: "programme.read",
    summary: "Versions antérieures d'une ligne révisée",
    params: IdParams,
    response: z.array(VersionLigneOutput),
    handler: async ({ actor, uow, params }) => (await historiqueLigne(uow, actor, actor.organisationId, params.id)).map(presentVersion),
  });
  r.write({
    method: "POST",
    url: "/api/programme/lignes",
    access: "programme.write",
    summary: "Déclarer un besoin (ligne en brouillon)",
    body: LigneProgrammeInput,
    response: LigneProgrammeOutput,
    status: 201,
    example: {
      body: {
        annee: 2027,
        objet: "Ordinateurs portables",
        nature: "fournitures",
        cpv: "30213100-6",
        valeurEstimeeHt: 50000,
        trimestre: 2,
        dureeMois: 12,
        renouvellement: false,
      },
    },
    handler: async ({ actor, uow, body }) => presentLigne(await createLigne(uow, actor, actor.organisationId, versDomaine(body))),
  });
  r.write({
    method: "PUT",
    url: "/api/programme/lignes/:id",
    access: "programme.write",
    summary: "Modifier une ligne en brouillon ou renvoyée (version lue obligatoire ; 409 si elle a changé)",
    params: IdParams,
    body: LigneProgrammeUpdate,
    response: LigneProgrammeOutput,
    handler: async ({ actor, uow, params, body }) =>
      presentLigne(await updateLigne(uow, actor, actor.organisationId, params.id, versDomaine(body))),
  });
  r.write({
    method: "POST",
    url: "/api/programme/lignes/:id/:action",
    access: "programme.write",
    summary: "Faire avancer une ligne : soumettre, valider, renvoyer (avec commentaire), publier, reviser",
    description:
      "soumettre et reviser : la direction ; valider, renvoyer et publier : la direction de la commande publique. " +
      "Une action refusée par le circuit donne 409 TRANSITION_REFUSED, qui nomme l'état de la ligne.",
    params: TransitionParams,
    body: TransitionLigneInput,
    response: LigneProgrammeOutput,
    example: { params: { action: "soumettre" }, body: { version: 1 } },
    handler: async ({ actor, uow, params, body }) =>
      presentLigne(await transitionLigne(uow, actor, actor.organisationId, params.id, params.action, body)),
  });
  r.write({
    method: "POST",
    url: "/api/programme/publication",
    access: "programme.validate",
    summary: "Publier d'un coup toutes les lignes validées d'une année",
    body: z.strictObject({ annee: Annee }),
    response: z.object({ publiees: z.number().int() }),
    example: { body: { annee: 2027 } },
    handler: async ({ actor, uow, body }) => ({ publiees: (await publierProgramme(uow, actor, actor.organisationId, body.annee)).length }),
  });
  r.read({
    method: "GET",
    url: "/api/programme/agregation",
    access: "programme.aggregate",
    summary: "Valeurs agrégées par famille homogène ou opération, procédure qui en découle et alertes de fractionnement",
    query: z.strictObject({ annee: Annee }),
    response: AgregationProgrammeOutput,
    example: { query: { annee: "2027" } },
    handler: async ({ actor, uow, query }) => presentAgregation(await agregationProgramme(uow, actor, actor.organisationId, query.annee)),
  });

  // ---------------------------------------------------------------------------------------------- public
  r.read({
    method: "GET",
    url: "/api/public/programme",
    access: "public",
    summary: "Programme public des achats d'une année (sans connexion)",
    description:
      "Les lignes publiées, avec une fourchette de valeur (jamais le montant exact). Filtres : famille, trimestre, direction, " +
      "mots de l'objet (recherche en français, sans tenir compte des accents).",
    query: ProgrammePublicQuery,
    response: ProgrammePublicOutput,
    example: { query: { annee: "2027" } },
    handler: async ({ uow, query }) => {
      const { total, lignes } = await rechercherProgrammePublic(uow, query);
      return { annee: query.annee, ...page(query, total, "lignes", lignes.map(presentLignePublique)) };
    },
  });
  r.read({
    method: "GET",
    url: "/api/public/programme/filtres",
    access: "public",
    summary: "Familles d'achat et directions, pour filtrer le programme public",
    query: z.strictObject({ annee: Annee }),
    response: FiltresPublicsOutput,
    example: { query: { annee: "2027" } },
    handler: async ({ uow, query }) => uow.programme.publicFiltres(query.annee),
  });
  r.read({
    method: "GET",
    url: "/api/public/programme/lignes/:id",
    access: "public",
    summary: "Une ligne publiée du programme (adresse stable)",
    params: IdParams,
    response: LignePubliqueOutput,
    handler: async ({ uow, params }) => presentLignePublique(await ligneProgrammePublique(uow, params.id)),
  });
  r.raw({
    url: "/api/public/programme/export",
    access: "public",
    summary: "Télécharger le programme public filtré (CSV, JSON ou XLSX)",
    query: ExportPublicQuery,
    handler: async ({ request, reply, ctx }) => {
      const query = ExportPublicQuery.parse(request.query);
      const uow = readOnly(ctx);
      const { format, ...filtres } = query;
      const tout: ReturnType<typeof presentLignePublique>[] = [];
      for (let p = 1; ; p++) {
        const { lignes } = await rechercherProgrammePublic(uow, { ...filtres, page: p, parPage: 1000 });
        tout.push(...lignes.map(presentLignePublique));
        if (lignes.length < 1000) break;
      }
      if (format === "json") {
        return sendFile(
          reply,
          Buffer.from(JSON.stringify({ annee: query.annee, lignes: tout }, null, 2)),
          `programme-${query.annee}.json`,
          "json",
        );
      }
      const rows = tout.map((l) => ({
        ...l,
        familleProcedure: l.familleProcedure ?? "",
        fourchette: l.fourchette.libelle,
        trimestre: l.trimestre,
      }));
      return sendExport(reply, rows, COLONNES_PROGRAMME_PUBLIC, format, `programme-${query.annee}`);
    },
  });
});
