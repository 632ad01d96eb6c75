import PDFDocument from "pdfkit";
import { assetPath } from "../assets";

/**
 * A French PDF document (A4, tagged, title shown), with DejaVu Sans embedded as the fonts « Texte » and « Gras »: the
 * standard PDF fonts lack Σ, −, and the French narrow spaces. `fini` resolves with the bytes once `doc.end()` is called.
 */
export function documentPdf(options: {
  titre: string;
  auteur?: string;
  /** Creation and modification date (a fixed one keeps a regenerated document identical). */
  date?: Date;
  marge: number;
  paysage?: boolean;
}): { doc: PDFKit.PDFDocument; fini: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    layout: options.paysage ? "landscape" : "portrait",
    margin: options.marge,
    info: {
      Title: options.titre,
      ...(options.auteur ? { Author: options.auteur } : {}),
      ...(options.date ? { CreationDate: options.date, ModDate: options.date } : {}),
    },
    lang: "fr-FR",
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
  });
  doc.registerFont("Texte", assetPath("polices/DejaVuSans.ttf"));
  doc.registerFont("Gras", assetPath("polices/DejaVuSans-Bold.ttf"));
  const morceaux: Buffer[] = [];
  doc.on("data", (m: Buffer) => morceaux.push(m));
  const fini = new Promise<Buffer>((ok, ko) => {
    doc.on("end", () => ok(Buffer.concat(morceaux)));
    doc.on("error", ko);
  });
  return { doc, fini };
}
