/**
 * The SPASER annual report (L2111-3: yearly indicators of the actual rates of socially and ecologically responsible
 * purchases, against targets; docs/sources.md S19, S19c), in French, as HTML and PDF. Built from the same use cases
 * as the cockpit, so the figures are the API's; nothing in it depends on the day it is generated (no timestamp, the
 * PDF's date is the end of the year), so regenerating it for a closed year gives the same document.
 */
import type { Actor } from "@achat-public/domain";
import {
  CLES_INDICATEURS,
  type CleIndicateur,
  DEFINITIONS_INDICATEURS,
  formaterValeur,
  type Indicateur,
  type IndicateurCible,
  lireIndicateurs,
  repartirIndicateurs,
} from "@achat-public/domain/pilotage";
import type { UnitOfWork } from "../context";
import { documentPdf } from "../platform/pdf";

/** The figures of the SPASER itself, shown first and charted. */
const SPASER: readonly CleIndicateur[] = [
  "partConsiderationEnvironnementale",
  "partConsiderationSociale",
  "partMarchesReserves",
  "partAchatsInnovants",
  "partPmeNombre",
  "partLocaleNombre",
  "partPaiementsDansLesDelais",
];

export interface Barre {
  libelle: string;
  valeur: number;
  texte: string;
}

export interface Graphique {
  titre: string;
  barres: Barre[];
  /** Largest value of the axis (1 for shares). */
  max: number;
}

export interface Rapport {
  annee: number;
  organisation: string;
  /** Figures of the whole year. */
  indicateurs: Record<CleIndicateur, IndicateurCible>;
  /** The same over the DECP population (contracts of 40 000 € HT or more). */
  indicateursDecp: Record<CleIndicateur, IndicateurCible>;
  /** Highlights per direction. */
  directions: { libelle: string; indicateurs: Record<CleIndicateur, Indicateur> }[];
  /** The SPASER figures over the last five years. */
  tendance: { annee: number; indicateurs: Record<CleIndicateur, IndicateurCible> }[];
  graphiques: Graphique[];
}

export async function construireRapport(uow: UnitOfWork, actor: Actor, organisationId: string, annee: number): Promise<Rapport> {
  const organisation = await uow.organisations.get(organisationId);
  const [annuel, decp, parDirection] = await Promise.all([
    lireIndicateurs(uow, actor, organisationId, { annee }),
    lireIndicateurs(uow, actor, organisationId, { annee, montantMinHtCents: 4_000_000 }),
    repartirIndicateurs(uow, actor, organisationId, { annee }, "direction"),
  ]);
  const tendance = [];
  for (let a = annee - 4; a <= annee; a++) {
    tendance.push({ annee: a, indicateurs: (await lireIndicateurs(uow, actor, organisationId, { annee: a })).indicateurs });
  }
  const graphiques: Graphique[] = [
    {
      titre: `Achats responsables et accès des PME en ${annee} (part des marchés notifiés)`,
      max: 1,
      barres: SPASER.map((cle) => {
        const i = annuel.indicateurs[cle];
        return { libelle: i.libelle, valeur: i.valeur ?? 0, texte: formaterValeur(i.unite, i.valeur) };
      }),
    },
    {
      titre: `Montant notifié par direction en ${annee} (€ HT)`,
      max: Math.max(1, ...parDirection.series.map((s) => s.indicateurs.montantNotifieHt.valeur ?? 0)),
      barres: parDirection.series.map((s) => ({
        libelle: s.libelle,
        valeur: s.indicateurs.montantNotifieHt.valeur ?? 0,
        texte: formaterValeur("euros", s.indicateurs.montantNotifieHt.valeur),
      })),
    },
    {
      titre: `Marchés avec une considération sociale, de ${annee - 4} à ${annee}`,
      max: 1,
      barres: tendance.map((t) => ({
        libelle: String(t.annee),
        valeur: t.indicateurs.partConsiderationSociale.valeur ?? 0,
        texte: formaterValeur("part", t.indicateurs.partConsiderationSociale.valeur),
      })),
    },
  ];
  return {
    annee,
    organisation: organisation?.nom ?? "",
    indicateurs: annuel.indicateurs,
    indicateursDecp: decp.indicateurs,
    directions: parDirection.series.map((s) => ({ libelle: s.libelle, indicateurs: s.indicateurs })),
    tendance,
    graphiques,
  };
}

const ETAT: Record<string, string> = { atteinte: "atteint", "non-atteinte": "non atteint", "non-calculable": "non calculable" };

const echapper = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const objectif = (i: IndicateurCible) => (i.cible === null ? "—" : formaterValeur(i.unite, i.cible));
const etat = (i: IndicateurCible): string => (i.etatCible ? (ETAT[i.etatCible] ?? i.etatCible) : "pas d'objectif");

/** A horizontal bar chart as inline SVG, with its text alternative; the table twin follows it in the report. */
function svg(g: Graphique, id: string): string {
  const hauteurBarre = 22;
  const largeur = 640;
  const marge = 260;
  const h = g.barres.length * (hauteurBarre + 8) + 10;
  const barres = g.barres
    .map((b, i) => {
      const y = 5 + i * (hauteurBarre + 8);
      const w = Math.max(0, ((largeur - marge - 110) * b.valeur) / g.max);
      return (
        `<text x="${marge - 8}" y="${y + 15}" text-anchor="end" font-size="12">${echapper(b.libelle.slice(0, 40))}</text>` +
        `<rect x="${marge}" y="${y}" width="${w.toFixed(1)}" height="${hauteurBarre}" fill="#00577a"/>` +
        `<text x="${marge + w + 6}" y="${y + 15}" font-size="12">${echapper(b.texte)}</text>`
      );
    })
    .join("");
  return `<svg role="img" aria-labelledby="${id}" width="${largeur}" height="${h}" viewBox="0 0 ${largeur} ${h}" xmlns="http://www.w3.org/2000/svg"><title id="${id}">${echapper(g.titre)}</title>${barres}</svg>`;
}

export function rapportHtml(r: Rapport): string {
  const ligne = (cle: CleIndicateur, t: Record<CleIndicateur, IndicateurCible>) => {
    const i = t[cle];
    return `<tr><th scope="row">${echapper(i.libelle)}</th><td>${echapper(formaterValeur(i.unite, i.valeur))}</td><td>${echapper(objectif(i))}</td><td>${etat(i)}</td></tr>`;
  };
  const graphiques = r.graphiques
    .map(
      (g, n) =>
        `<figure>${svg(g, `graphique-${n}`)}<figcaption>${echapper(g.titre)}</figcaption></figure>` +
        `<table><caption>${echapper(g.titre)} (tableau)</caption><thead><tr><th scope="col">Élément</th><th scope="col">Valeur</th></tr></thead><tbody>${g.barres
          .map((b) => `<tr><th scope="row">${echapper(b.libelle)}</th><td>${echapper(b.texte)}</td></tr>`)
          .join("")}</tbody></table>`,
    )
    .join("");
  const directions = r.directions
    .map((d) => {
      const i = d.indicateurs;
      return `<tr><th scope="row">${echapper(d.libelle)}</th><td>${formaterValeur("nombre", i.nombreMarchesNotifies.valeur)}</td><td>${echapper(formaterValeur("euros", i.montantNotifieHt.valeur))}</td><td>${formaterValeur("part", i.partPmeNombre.valeur)}</td><td>${formaterValeur("part", i.partConsiderationSociale.valeur)}</td><td>${formaterValeur("part", i.partConsiderationEnvironnementale.valeur)}</td></tr>`;
    })
    .join("");
  const methode = CLES_INDICATEURS.map((cle) => {
    const d = DEFINITIONS_INDICATEURS[cle];
    return `<dt>${echapper(d.libelle)} <code>${cle}</code></dt><dd>${echapper(d.definition)}<br>Formule : ${echapper(d.formule)}</dd>`;
  }).join("");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Rapport annuel du SPASER ${r.annee} — ${echapper(r.organisation)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}
caption{font-weight:700;text-align:left;padding:.3rem 0}figure{margin:1.5rem 0}code{font-size:.85em;color:#444}</style></head>
<body><main>
<h1>Rapport annuel du schéma de promotion des achats socialement et écologiquement responsables (SPASER) — ${r.annee}</h1>
<p>${echapper(r.organisation)}. Indicateurs calculés à partir des marchés notifiés du 1<sup>er</sup> janvier au 31 décembre ${r.annee}, conformément à l'article L2111-3 du code de la commande publique (taux réels d'achats socialement et écologiquement responsables, comparés aux objectifs).</p>
<h2>Indicateurs et objectifs</h2>
<table><caption>Indicateurs de l'année ${r.annee}, tous montants</caption><thead><tr><th scope="col">Indicateur</th><th scope="col">Valeur</th><th scope="col">Objectif</th><th scope="col">Objectif atteint ?</th></tr></thead>
<tbody>${CLES_INDICATEURS.map((c) => ligne(c, r.indicateurs)).join("")}</tbody></table>
<table><caption>Marchés de 40 000 € HT ou plus (population des données essentielles publiées)</caption><thead><tr><th scope="col">Indicateur</th><th scope="col">Valeur</th><th scope="col">Objectif</th><th scope="col">Objectif atteint ?</th></tr></thead>
<tbody>${SPASER.map((c) => ligne(c, r.indicateursDecp)).join("")}</tbody></table>
<h2>Graphiques</h2>${graphiques}
<h2>Faits marquants par direction</h2>
<table><caption>Par direction, ${r.annee}</caption><thead><tr><th scope="col">Direction</th><th scope="col">Marchés</th><th scope="col">Montant notifié HT</th><th scope="col">Part PME</th><th scope="col">Considération sociale</th><th scope="col">Considération environnementale</th></tr></thead><tbody>${directions}</tbody></table>
<h2>Méthode</h2><p>Chaque indicateur est calculé à partir des marchés eux-mêmes ; les économies sont données par méthode, jamais additionnées. Une part dont la population est vide est « non calculable ».</p><dl>${methode}</dl>
</main></body></html>
`;
}

/** The same report as a PDF (A4, DejaVu Sans embedded: the standard PDF fonts lack Σ, −, and the French narrow spaces). */
export function rapportPdf(r: Rapport): Promise<Buffer> {
  const fin = new Date(Date.UTC(r.annee, 11, 31, 12));
  const { doc, fini: termine } = documentPdf({
    titre: `Rapport annuel du SPASER ${r.annee}`,
    auteur: r.organisation,
    date: fin,
    marge: 50,
  });
  const largeur = doc.page.width - 100;
  doc.font("Gras").fontSize(16).text(`Rapport annuel du SPASER — ${r.annee}`, { width: largeur });
  doc
    .moveDown(0.3)
    .font("Texte")
    .fontSize(10)
    .text(
      `${r.organisation}. Indicateurs calculés à partir des marchés notifiés du 1er janvier au 31 décembre ${r.annee} ` +
        "(article L2111-3 du code de la commande publique : taux réels d'achats socialement et écologiquement responsables, comparés aux objectifs).",
      { width: largeur },
    );
  const tableau = (titre: string, cles: readonly CleIndicateur[], t: Record<CleIndicateur, IndicateurCible>) => {
    doc.moveDown().font("Gras").fontSize(12).text(titre);
    doc.font("Texte").fontSize(9);
    for (const cle of cles) {
      const i = t[cle];
      if (doc.y > doc.page.height - 80) doc.addPage();
      const y = doc.y + 2;
      doc.text(i.libelle, 50, y, { width: 240 });
      const yFin = doc.y;
      doc.text(formaterValeur(i.unite, i.valeur), 300, y, { width: 90 });
      doc.text(objectif(i), 395, y, { width: 80 });
      doc.text(etat(i), 480, y, { width: 70 });
      doc.y = Math.max(yFin, doc.y);
      doc.x = 50;
    }
  };
  tableau("Indicateurs et objectifs (tous montants)", CLES_INDICATEURS, r.indicateurs);
  tableau("Marchés de 40 000 € HT ou plus", SPASER, r.indicateursDecp);
  for (const g of r.graphiques) {
    const hauteur = g.barres.length * 18 + 30;
    if (doc.y + hauteur > doc.page.height - 60) doc.addPage();
    doc.moveDown().font("Gras").fontSize(11).text(g.titre, 50, doc.y, { width: largeur });
    doc.font("Texte").fontSize(8);
    let y = doc.y + 4;
    for (const b of g.barres) {
      const w = Math.max(0, (200 * b.valeur) / g.max);
      doc.text(b.libelle.slice(0, 45), 50, y + 2, { width: 200, lineBreak: false });
      doc.rect(260, y, w, 12).fill("#00577a").fillColor("black");
      doc.text(b.texte, 265 + w, y + 2, { width: 120, lineBreak: false });
      y += 18;
    }
    doc.y = y;
    doc.x = 50;
  }
  doc.addPage().font("Gras").fontSize(12).text("Faits marquants par direction");
  doc.font("Texte").fontSize(9);
  for (const d of r.directions) {
    const i = d.indicateurs;
    if (doc.y > doc.page.height - 80) doc.addPage();
    doc
      .moveDown(0.3)
      .text(
        `${d.libelle} : ${formaterValeur("nombre", i.nombreMarchesNotifies.valeur)} marché(s), ${formaterValeur("euros", i.montantNotifieHt.valeur)} HT ; ` +
          `PME ${formaterValeur("part", i.partPmeNombre.valeur)} ; considération sociale ${formaterValeur("part", i.partConsiderationSociale.valeur)} ; ` +
          `environnementale ${formaterValeur("part", i.partConsiderationEnvironnementale.valeur)}.`,
        { width: largeur },
      );
  }
  doc.addPage().font("Gras").fontSize(12).text("Méthode");
  for (const cle of CLES_INDICATEURS) {
    const d = DEFINITIONS_INDICATEURS[cle];
    if (doc.y > doc.page.height - 90) doc.addPage();
    doc.moveDown(0.4).font("Gras").fontSize(9).text(d.libelle, { width: largeur });
    doc.font("Texte").text(`${d.definition} Formule : ${d.formule}`, { width: largeur });
  }
  doc.end();
  return termine;
}
