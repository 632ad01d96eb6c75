/**
 * RSS 2.0 and iCalendar (RFC 5545) texts of the portal, written by hand (a few fixed elements); the tests read
 * them back with maintained parsers (fast-xml-parser, ical.js).
 */
import type { ElementVeille } from "@achat-public/domain/portail";

const xml = (s: string) =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 forbids are removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

export function rss(
  canal: { titre: string; lien: string; description: string; self: string },
  elements: ElementVeille[],
  publicUrl: string,
): string {
  const absolu = (l: string) => (l.startsWith("/") ? `${publicUrl}${l}` : l);
  const items = elements.map((e) =>
    [
      "<item>",
      `<title>${xml(`${e.type === "consultation" ? "Consultation" : "Programme"} : ${e.titre}`)}</title>`,
      `<link>${xml(absolu(e.lien))}</link>`,
      `<description>${xml([e.description, e.fourchette ? `valeur estimée ${e.fourchette.libelle}` : "", `CPV ${e.cpv.join(", ")}`].filter(Boolean).join(" — "))}</description>`,
      `<category>${e.type === "consultation" ? "consultation" : "programme"}</category>`,
      `<guid isPermaLink="false">${xml(`${publicUrl}/${e.type}/${e.id}`)}</guid>`,
      `<pubDate>${e.publieLe.toUTCString()}</pubDate>`,
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    `<title>${xml(canal.titre)}</title>`,
    `<link>${xml(canal.lien)}</link>`,
    `<description>${xml(canal.description)}</description>`,
    "<language>fr-FR</language>",
    `<atom:link href="${xml(canal.self)}" rel="self" type="application/rss+xml"/>`,
    ...(elements[0] ? [`<lastBuildDate>${elements[0].publieLe.toUTCString()}</lastBuildDate>`] : []),
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

export interface Evenement {
  uid: string;
  titre: string;
  description: string;
  lieu?: string;
  url?: string;
  /** Timed event (instant) or a whole day (YYYY-MM-DD). */
  debut: Date | string;
  fin?: Date;
  modifieLe: Date;
}

const ics = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const instantIcs = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function plier(ligne: string): string {
  const parts: string[] = [];
  let courant = "";
  let octets = 0;
  for (const ch of ligne) {
    const n = Buffer.byteLength(ch);
    if (octets + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(courant);
      courant = "";
      octets = 0;
    }
    courant += ch;
    octets += n;
  }
  parts.push(courant);
  return parts.join("\r\n ");
}

export function calendrier(nom: string, evenements: Evenement[]): string {
  const lignes = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//achat-public//portail des entreprises//FR", "CALSCALE:GREGORIAN"];
  lignes.push(`X-WR-CALNAME:${ics(nom)}`, "X-WR-TIMEZONE:Europe/Paris");
  for (const e of evenements) {
    lignes.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${instantIcs(e.modifieLe)}`);
    if (typeof e.debut === "string") {
      const jour = e.debut.replace(/-/g, "");
      const lendemain = new Date(`${e.debut}T00:00:00Z`);
      lendemain.setUTCDate(lendemain.getUTCDate() + 1);
      lignes.push(`DTSTART;VALUE=DATE:${jour}`, `DTEND;VALUE=DATE:${lendemain.toISOString().slice(0, 10).replace(/-/g, "")}`);
    } else {
      lignes.push(`DTSTART:${instantIcs(e.debut)}`, `DTEND:${instantIcs(e.fin ?? e.debut)}`);
    }
    lignes.push(`SUMMARY:${ics(e.titre)}`, `DESCRIPTION:${ics(e.description)}`);
    if (e.lieu) lignes.push(`LOCATION:${ics(e.lieu)}`);
    if (e.url) lignes.push(`URL:${e.url}`);
    lignes.push("TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lignes.push("END:VCALENDAR");
  return `${lignes.map(plier).join("\r\n")}\r\n`;
}
