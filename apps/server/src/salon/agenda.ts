/**
 * A fair's agendas as files: the iCalendar of one side's meetings (one VEVENT per meeting, stable UID), its PDF to
 * print, and the organiser's one-page table plan (PDF, landscape: a line per table, a column per slot).
 */
import type { AcheteurSalonDetail, RendezVousAgenda, Salon } from "@achat-public/domain/salon";
import { creneauxDuSalon } from "@achat-public/domain/salon";
import { documentPdf } from "../platform/pdf";
import { calendrier, type Evenement } from "../portail/flux";

/** The instant of a wall-clock time of a day in Paris (the fair's local time), daylight saving included. */
export function instantParis(jour: string, hhmm: string): Date {
  const naif = new Date(`${jour}T${hhmm}:00Z`);
  const vu = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(naif);
  const part = (t: string) => Number(vu.find((p) => p.type === t)?.value);
  const commeParis = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return new Date(naif.getTime() - (commeParis - naif.getTime()));
}

type Agenda = { salon: Salon; rendezVous: RendezVousAgenda[] };

export function agendaIcs(agenda: Agenda, base: string, organisation: string): string {
  const { salon } = agenda;
  const hote = new URL(base).hostname;
  const evenements = agenda.rendezVous.map(
    (r): Evenement => ({
      uid: `salon-rdv-${r.demandeId}@${hote}`,
      titre: `Rendez-vous : ${r.raisonSociale} — ${r.acheteur}`,
      description:
        `Table ${r.numeroTable}${r.direction ? `, ${r.direction}` : ""}. Au sujet de : ${r.objets.map((o) => o.objet).join(" ; ")}.` +
        `${r.confirme ? "" : " (planning non encore confirmé)"}`,
      lieu: `${salon.lieu}, table ${r.numeroTable}`,
      url: `${base}/salons/rendez-vous/${salon.id}`,
      debut: instantParis(salon.date, r.debut),
      fin: instantParis(salon.date, r.fin),
      modifieLe: new Date(`${salon.date}T00:00:00Z`),
    }),
  );
  return calendrier(`${salon.nom} — ${organisation}`, evenements);
}

/** One side's agenda to print: a line per meeting (time, table, who, what about). */
export function agendaPdf(agenda: Agenda, pourEntreprise: boolean): Promise<Buffer> {
  const { salon } = agenda;
  const { doc, fini } = documentPdf({ titre: `Agenda — ${salon.nom}`, marge: 36 });
  const largeur = doc.page.width - 72;
  doc.font("Gras").fontSize(16).text(`Agenda — ${salon.nom}`, { width: largeur });
  doc
    .font("Texte")
    .fontSize(10)
    .text(`${salon.date}, ${salon.lieu}, de ${salon.heureOuverture} à ${salon.heureFermeture}.`, { width: largeur });
  doc.moveDown();
  if (agenda.rendezVous.length === 0) doc.text("Aucun rendez-vous n'est encore placé.");
  for (const r of agenda.rendezVous) {
    if (doc.y > doc.page.height - 90) doc.addPage();
    doc.font("Gras").fontSize(11).text(`${r.debut}–${r.fin}, table ${r.numeroTable}`, { width: largeur });
    const avec = pourEntreprise ? `${r.acheteur}${r.direction ? ` (${r.direction})` : ""}` : r.raisonSociale;
    doc
      .font("Texte")
      .fontSize(10)
      .text(`${avec}${r.confirme ? "" : " — non encore confirmé"}`, { width: largeur })
      .text(`Au sujet de : ${r.objets.map((o) => o.objet).join(" ; ")}`, { width: largeur });
    doc.moveDown(0.5);
  }
  doc.end();
  return fini;
}

/** The organiser's table plan on one page: a line per table (its buyer), a column per slot, the company in each cell. */
export function planDesTablesPdf(plan: Agenda, acheteurs: AcheteurSalonDetail[]): Promise<Buffer> {
  const { salon } = plan;
  const creneaux = creneauxDuSalon(salon).map((c) => c.id);
  const { doc, fini } = documentPdf({ titre: `Plan des tables — ${salon.nom}`, marge: 36, paysage: true });
  const largeur = doc.page.width - 72;
  doc.font("Gras").fontSize(13).text(`Plan des tables — ${salon.nom} (${salon.date})`, { width: largeur });
  const cellule = new Map(plan.rendezVous.map((r) => [`${r.numeroTable}|${r.creneau}`, r.raisonSociale]));
  const hauteurDispo = doc.page.height - doc.y - 50;
  const lignes = Math.max(acheteurs.length, 1) + 1;
  const h = Math.max(7, Math.min(18, hauteurDispo / lignes));
  const taille = Math.max(4, Math.min(8, h - 3));
  const colTable = 110;
  const l = (largeur - colTable) / Math.max(creneaux.length, 1);
  let y = doc.y + 6;
  doc.font("Gras").fontSize(taille);
  doc.text("Table — acheteur", 36, y, { width: colTable - 4, height: h, ellipsis: true, lineBreak: false });
  creneaux.forEach((c, i) => {
    doc.text(c, 36 + colTable + i * l, y, { width: l - 2, height: h, lineBreak: false });
  });
  doc.font("Texte");
  for (const a of acheteurs) {
    y += h;
    doc.text(`${a.numeroTable}. ${a.nom}`, 36, y, { width: colTable - 4, height: h, ellipsis: true, lineBreak: false });
    creneaux.forEach((c, i) => {
      const qui = cellule.get(`${a.numeroTable}|${c}`) ?? (a.disponibilites.includes(c) ? "" : "—");
      doc.text(qui, 36 + colTable + i * l, y, { width: l - 2, height: h, ellipsis: true, lineBreak: false });
    });
  }
  doc.end();
  return fini;
}
