/**
 * The opaque cursor of the change feed: the position after the last object seen (its change instant, type and
 * id), hex-encoded so that reusers do not build it themselves. Pure (no Buffer).
 */
import { DomainError } from "../commun/errors";
import type { ChangementPublic } from "./types";

export interface PositionCurseur {
  misAJourLe: string;
  type: ChangementPublic["type"];
  id: string;
}

function hex(texte: string): string {
  let out = "";
  for (let i = 0; i < texte.length; i++) out += texte.charCodeAt(i).toString(16).padStart(2, "0");
  return out;
}

/** Encodes a position (ASCII only: ISO instant, type, uuid). */
export function encoderCurseur(p: PositionCurseur): string {
  return hex(`${p.misAJourLe}|${p.type}|${p.id}`);
}

/** Decodes a cursor given by a reuser; a malformed one is refused on the `depuis` parameter. */
export function decoderCurseur(curseur: string): PositionCurseur {
  const invalide = () =>
    new DomainError(
      "CURSOR_INVALID",
      "Le curseur « depuis » n'est pas valide : reprenez celui donné par la réponse précédente (« suivant »).",
      "invalid-input",
      [{ path: ["depuis"], message: "curseur invalide" }],
    );
  if (!/^([0-9a-f]{2})+$/.test(curseur) || curseur.length > 400) throw invalide();
  let texte = "";
  for (let i = 0; i < curseur.length; i += 2) texte += String.fromCharCode(Number.parseInt(curseur.slice(i, i + 2), 16));
  const [misAJourLe, type, id, ...reste] = texte.split("|");
  if (reste.length || !misAJourLe || !id || (type !== "marche" && type !== "procedure") || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(misAJourLe))
    throw invalide();
  return { misAJourLe, type, id };
}

/** Order of the feed: change instant, then type, then id (a total order, so no object is skipped or repeated). */
export function comparerPositions(a: PositionCurseur, b: PositionCurseur): number {
  if (a.misAJourLe !== b.misAJourLe) return a.misAJourLe < b.misAJourLe ? -1 : 1;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
