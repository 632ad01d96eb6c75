import { Readable } from "node:stream";
import { assertCan, DomainError } from "@achat-public/domain";
import { METHODE_DISTANCE } from "@achat-public/domain/donnees";
import {
  MarchesPubliesPage,
  MarchesPubliesQuery,
  PairsOutput,
  PairsQuery,
  RapportDecpOutput,
  SourcingOutput,
  SourcingQuery,
} from "@achat-public/contracts";
import { pairs, rechercherMarchesPublies, sourcing, type IndicateursAcheteur } from "@achat-public/db";
import { z } from "zod";
import { defineRoutes } from "../platform/routes";
import { rapportJson } from "./donnees.cli";
import { FichierIlisible, importerAvec } from "./import-decp";

const euros = (cents: number | string | null) => (cents === null ? null : Number(cents) / 100);
const DISTANCES = ["meme-departement", "meme-region", "autre-region"] as const;
/** Largest DECP file accepted from the admin page (larger ones: the CLI, which streams from disk). */
export const DECP_MAX_OCTETS = 200 * 1024 * 1024;

function mediane(valeurs: (number | null)[]): number | null {
  const v = valeurs.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2;
}

const indicateurs = (i: IndicateursAcheteur) => ({
  marches: i.marches,
  offresParMarche: i.offres,
  partOffreUnique: i.part_unique,
  partPme: null,
  tauxModification: i.taux_modification,
  delaiPublicationJours: i.delai,
});

export const donneesRoutes = defineRoutes("Données ouvertes (DECP)", (r, ctx) => {
  r.read({
    method: "GET",
    url: "/api/public/decp/marches",
    access: "public",
    summary: "Recherche dans les données essentielles publiées (DECP) de tous les acheteurs, importées",
    description:
      "Plein texte français sans accents sur l'objet et le nom du titulaire, filtres (CPV, acheteur, titulaire, département, montants, " +
      "dates), tri et pagination côté serveur. Une ligne par marché × titulaire. Le total est compté jusqu'à 1 000 (au-delà : totalPlafonne, et totalEstime estimé par la base).",
    query: MarchesPubliesQuery,
    response: MarchesPubliesPage,
    handler: async ({ query }) => {
      const { lignes, total, totalPlafonne, totalEstime } = await rechercherMarchesPublies(ctx.database.db, {
        recherche: query.recherche,
        cpv: query.cpv,
        acheteur: query.acheteur,
        titulaire: query.titulaire,
        departement: query.departement,
        montantMinCents: query.montantMin === undefined ? undefined : Math.round(query.montantMin * 100),
        montantMaxCents: query.montantMax === undefined ? undefined : Math.round(query.montantMax * 100),
        du: query.du,
        au: query.au,
        tri: query.tri,
        limit: query.parPage,
        offset: (query.page - 1) * query.parPage,
      });
      return {
        total,
        totalPlafonne,
        totalEstime,
        page: query.page,
        parPage: query.parPage,
        marches: lignes.map((l) => ({
          acheteurId: l.acheteur_id,
          acheteurNom: l.acheteur_nom,
          marcheId: l.marche_id,
          titulaireId: l.titulaire_id,
          titulaireNom: l.titulaire_nom,
          objet: l.objet,
          codeCpv: l.code_cpv,
          procedure: l.procedure,
          departement: l.departement,
          montantHt: euros(l.montant_ht_cents),
          dateNotification: l.date_notification,
          offresRecues: l.offres_recues,
          avertissements: l.avertissements,
        })),
      };
    },
  });

  r.read({
    method: "GET",
    url: "/api/decp/sourcing",
    access: "donnees.read",
    summary: "Sourcing : les entreprises qui ont remporté des marchés semblables (CPV) près du département, et la concurrence habituelle",
    query: SourcingQuery,
    response: SourcingOutput,
    handler: async ({ actor, query }) => {
      assertCan(actor, "donnees.read");
      const r = await sourcing(ctx.database.db, {
        cpv: query.cpv,
        departement: query.departement,
        portee: query.portee,
        du: query.du,
        limit: query.parPage,
        offset: (query.page - 1) * query.parPage,
      });
      const c = r.concurrence;
      return {
        cpv: query.cpv,
        departement: query.departement,
        portee: query.portee,
        methodeDistance: METHODE_DISTANCE,
        concurrence: {
          marches: c.marches,
          marchesAvecOffres: c.avec_offres,
          offresMediane: c.mediane,
          offresMoyenne: c.moyenne,
          partOffreUnique: c.part_unique,
        },
        total: r.total,
        page: query.page,
        parPage: query.parPage,
        entreprises: r.entreprises.map((e) => ({
          titulaireId: e.titulaire_id,
          titulaireNom: e.titulaire_nom,
          attributions: e.attributions,
          montantTotalHt: Number(e.montant_cents) / 100,
          acheteurs: e.acheteurs,
          acheteursExemples: e.acheteurs_exemples ?? [],
          derniereAttribution: e.derniere,
          categorie: e.categorie,
          distance: DISTANCES[e.distance] ?? "autre-region",
        })),
      };
    },
  });

  r.read({
    method: "GET",
    url: "/api/decp/pairs",
    access: "donnees.read",
    summary:
      "Un acheteur comparé aux autres acheteurs des données importées (offres par marché, offre unique, modifications, délai de publication)",
    query: PairsQuery,
    response: PairsOutput,
    handler: async ({ actor, query }) => {
      assertCan(actor, "donnees.read");
      const { lui, autres } = await pairs(ctx.database.db, { acheteur: query.acheteur, cpv: query.cpv, minimum: query.minimumMarches });
      if (!lui) {
        throw new DomainError(
          "NOT_FOUND",
          `Aucun marché importé de l'acheteur ${query.acheteur}${query.cpv ? ` pour le CPV ${query.cpv}` : ""}.`,
          "not-found",
          [{ path: ["acheteur"], message: "Acheteur absent des données importées." }],
        );
      }
      return {
        acheteurId: lui.acheteur_id,
        acheteurNom: lui.acheteur_nom,
        acheteur: indicateurs(lui),
        pairs: {
          acheteurs: autres.length,
          mediane: {
            marches: mediane(autres.map((a) => a.marches)),
            offresParMarche: mediane(autres.map((a) => a.offres)),
            partOffreUnique: mediane(autres.map((a) => a.part_unique)),
            partPme: null,
            tauxModification: mediane(autres.map((a) => a.taux_modification)),
            delaiPublicationJours: mediane(autres.map((a) => a.delai)),
          },
        },
      };
    },
  });

  r.write({
    method: "POST",
    url: "/api/decp/imports",
    access: "donnees.manage",
    summary: "Importer un fichier DECP publié (corps : le fichier brut, application/octet-stream) ; répond le rapport",
    description:
      "JSON 2019 ou 2022, XML 2022, ou table consolidée CSV. Tout le fichier en une transaction, un événement d'audit. 200 Mo au plus " +
      "(au-delà : la commande decp importer, qui lit le fichier en flux).",
    query: z.strictObject({ nomFichier: z.string().max(255).default("decp") }),
    response: RapportDecpOutput,
    options: { bodyLimit: DECP_MAX_OCTETS },
    handler: async ({ actor, uow, query, request }) => {
      assertCan(actor, "donnees.manage");
      const contenu = request.body;
      if (!Buffer.isBuffer(contenu) || contenu.length === 0) {
        throw new DomainError(
          "EMPTY_FILE",
          "Le fichier envoyé est vide (corps attendu : le fichier brut, Content-Type: application/octet-stream).",
          "invalid-input",
        );
      }
      try {
        const morceaux = (function* () {
          for (let i = 0; i < contenu.length; i += 1 << 20) yield contenu.subarray(i, i + (1 << 20));
        })();
        return rapportJson(
          await importerAvec(uow, actor, Readable.from(morceaux), { nomFichier: query.nomFichier, octets: contenu.length }),
        );
      } catch (error) {
        if (!(error instanceof FichierIlisible)) throw error;
        throw new DomainError("DECP_ILLISIBLE", `Ce n'est pas un fichier DECP lisible : ${error.message}`, "invalid-input", [
          { path: ["query", "nomFichier"], message: error.message },
        ]);
      }
    },
  });
});
