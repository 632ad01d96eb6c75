import { PassThrough } from "node:stream";
import { exporterListe, type Colonnes } from "@achat-public/tableur";
import type { FastifyReply } from "fastify";

const TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
  ics: "text/calendar; charset=utf-8",
};

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(nomFichier: string): string {
  const ascii =
    nomFichier
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "fichier";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nomFichier)}`;
}

/** Sends a generated file for download (never cached: it may hold personal data). */
export function sendFile(
  reply: FastifyReply,
  contenu: Buffer | NodeJS.ReadableStream,
  nomFichier: string,
  format: keyof typeof TYPES | string,
) {
  return reply
    .header("Content-Disposition", contentDisposition(nomFichier))
    .header("Cache-Control", "no-store")
    .type(TYPES[format] ?? "application/octet-stream")
    .send(contenu);
}

/**
 * Streams a list to a CSV or XLSX download (French headers, formula injection neutralised), in bounded memory:
 * the rows are written to the response as they come.
 */
export async function sendExport(
  reply: FastifyReply,
  lignes: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  colonnes: Colonnes,
  format: "csv" | "xlsx",
  nomFichier: string,
) {
  const stream = new PassThrough();
  exporterListe(lignes, colonnes, { format, vers: stream }).catch((error: unknown) => {
    reply.log.error({ err: error }, "export interrompu");
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return sendFile(reply, stream, `${nomFichier}.${format}`, format);
}
