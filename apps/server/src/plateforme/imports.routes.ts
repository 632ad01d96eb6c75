import { createHash } from "node:crypto";
import { DomainError } from "@achat-public/domain";
import {
  ImportConfirmation,
  ImportIdParams,
  ImportOutput,
  ImportTypeParams,
  ImportUploadQuery,
  ModeleQuery,
} from "@achat-public/contracts";
import { importRepository } from "@achat-public/db";
import { assertCanImport, findImport, formatOf, IMPORT_MAX_OCTETS, presentImport, template } from "../platform/imports";
import { defineRoutes } from "../platform/routes";
import { sendFile } from "../platform/files";

export const importsRoutes = defineRoutes("Imports de tableurs", (r, ctx) => {
  const definitionOf = (type: string) => {
    const definition = findImport(ctx, type);
    if (!definition) throw new DomainError("NOT_FOUND", `Aucun import de ce type : ${type}.`, "not-found");
    return definition;
  };

  r.raw({
    url: "/api/imports/:type/modele",
    access: "session",
    summary: "Télécharger le modèle à remplir (XLSX avec une feuille d'aide, ou CSV)",
    query: ModeleQuery,
    handler: async ({ request, reply, session }) => {
      const { type } = ImportTypeParams.parse(request.params);
      const { format } = ModeleQuery.parse(request.query);
      const definition = definitionOf(type);
      if (session) assertCanImport(session.actor, definition);
      const { contenu, nomFichier } = await template(definition, format);
      return sendFile(reply, contenu, nomFichier, format);
    },
  });

  r.write({
    method: "POST",
    url: "/api/imports/:type",
    access: "session",
    summary: "Envoyer un tableur à importer (corps : le fichier brut, application/octet-stream)",
    description:
      "Réponse 202 : l'analyse se fait en tâche de fond ; suivez-la avec GET /api/imports/{id}. Rien n'est écrit avant la confirmation. 20 Mo au plus.",
    params: ImportTypeParams,
    query: ImportUploadQuery,
    response: ImportOutput,
    status: 202,
    options: { bodyLimit: IMPORT_MAX_OCTETS },
    handler: async ({ actor, uow, params, query, request }) => {
      const definition = definitionOf(params.type);
      assertCanImport(actor, definition);
      const format = formatOf(query.nomFichier);
      if (!format) {
        throw new DomainError("UNSUPPORTED_FILE", "Envoyez un fichier .xlsx ou .csv.", "invalid-input", [
          { path: ["query", "nomFichier"], message: "Extension attendue : .xlsx ou .csv." },
        ]);
      }
      const contenu = request.body;
      if (!Buffer.isBuffer(contenu) || contenu.length === 0) {
        throw new DomainError(
          "EMPTY_FILE",
          "Le fichier envoyé est vide (corps attendu : le fichier brut, Content-Type: application/octet-stream).",
          "invalid-input",
        );
      }
      const id = uow.ids.newId();
      await uow.imports.insert({
        id,
        organisationId: actor.organisationId,
        type: definition.type,
        nomFichier: query.nomFichier,
        format,
        octets: contenu.length,
        empreinte: createHash("sha256").update(contenu).digest("hex"),
        statut: "en-analyse",
        etape: "En attente d'analyse",
        contenu,
        creePar: actor.userId,
      });
      await uow.outbox.enqueue("import.analyser", { importId: id, acteur: { ...actor } });
      const row = await uow.imports.get(id, actor.organisationId);
      if (!row) throw new Error("import perdu");
      return presentImport(row, definition);
    },
  });

  r.read({
    method: "GET",
    url: "/api/imports/:id",
    access: "session",
    summary: "Un import : son avancement, son rapport (chaque problème avec sa ligne et sa colonne)",
    params: ImportIdParams,
    response: ImportOutput,
    handler: async ({ actor, params }) => {
      const row = await importRepository(ctx.database.db, ctx.clock).get(params.id, actor.organisationId);
      if (!row) throw new DomainError("NOT_FOUND", "Import introuvable.", "not-found");
      const definition = definitionOf(row.type);
      assertCanImport(actor, definition);
      return presentImport(row, definition);
    },
  });

  r.write({
    method: "POST",
    url: "/api/imports/:id/confirmation",
    access: "session",
    summary: "Confirmer l'import analysé : toutes les lignes sont écrites en une transaction, ou aucune",
    params: ImportIdParams,
    body: ImportConfirmation,
    response: ImportOutput,
    status: 202,
    handler: async ({ actor, uow, params, body }) => {
      const row = await uow.imports.get(params.id, actor.organisationId);
      if (!row) throw new DomainError("NOT_FOUND", "Import introuvable.", "not-found");
      const definition = definitionOf(row.type);
      assertCanImport(actor, definition);
      if (row.empreinte !== body.empreinte) {
        throw new DomainError("IMPORT_REPORT_MISMATCH", "Ce n'est pas le rapport de ce fichier : rechargez la page.", "conflict");
      }
      const rapport = row.rapport as { ecriturePossible?: boolean } | null;
      if (row.statut !== "analyse" || !rapport?.ecriturePossible) {
        throw new DomainError("IMPORT_NOT_CONFIRMABLE", `Cet import ne peut pas être confirmé (état : ${row.statut}).`, "conflict");
      }
      if (!(await uow.imports.transition(row.id, ["analyse"], { statut: "en-ecriture", progression: 0, etape: "En attente d'écriture" }))) {
        throw new DomainError("IMPORT_NOT_CONFIRMABLE", "Cet import a déjà été confirmé.", "conflict");
      }
      await uow.outbox.enqueue("import.ecrire", { importId: row.id, acteur: { ...actor } });
      const updated = await uow.imports.get(row.id, actor.organisationId);
      if (!updated) throw new Error("import perdu");
      return presentImport(updated, definition);
    },
  });
});
