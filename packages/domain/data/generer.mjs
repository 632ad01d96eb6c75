#!/usr/bin/env node
// Generates the compact reference data imported by packages/domain from the shared, read-only
// reference folder (../shared/data seen from the repository root).
//
// Run by hand, from the repository root, whenever the shared data changes:
//   node packages/domain/data/generer.mjs [path/to/shared/data]
// It rewrites cpv-2008.json and communes-94.json next to this script, then prints counts.
// The output is deterministic (sorted rows, fixed key order): running it twice gives the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.argv[2] ?? join(here, "../../../../shared/data"));

function readJson(relativePath) {
  return JSON.parse(readFileSync(join(shared, relativePath), "utf8"));
}

function fail(message) {
  console.error(`generer.mjs: ${message}`);
  process.exit(1);
}

/** One row per line keeps the files diffable while staying compact. */
function writeRows(fileName, header, rowsKey, rows) {
  const head = JSON.stringify(header).slice(0, -1); // drop the closing brace
  const body = rows.map((row) => JSON.stringify(row)).join(",\n");
  const text = `${head},\n"${rowsKey}":[\n${body}\n]}\n`;
  JSON.parse(text); // never write invalid JSON
  writeFileSync(join(here, fileName), text);
  return Buffer.byteLength(text);
}

// ---------------------------------------------------------------- CPV 2008
// Row: [code8, checkDigit, niveau, parent8 | null, libelleFr]
const cpvSource = readJson("cpv/cpv_2008_fr_en.json");
const byCode8 = new Map(cpvSource.map((row) => [row.code8, row]));
if (byCode8.size !== cpvSource.length) fail("duplicate CPV code8");

const cpvRows = cpvSource
  .map((row) => {
    if (!/^\d{8}$/.test(row.code8) || !/^\d$/.test(row.check_digit)) fail(`bad CPV code ${row.code}`);
    if (row.code !== `${row.code8}-${row.check_digit}`) fail(`inconsistent CPV code ${row.code}`);
    const parent8 = row.parent === "" ? null : row.parent.slice(0, 8);
    if (parent8 !== null && !byCode8.has(parent8)) fail(`unknown parent ${row.parent} of ${row.code}`);
    if (parent8 === null && row.niveau !== 2) fail(`root CPV code that is not a division: ${row.code}`);
    return [row.code8, row.check_digit, row.niveau, parent8, row.libelle_fr.trim()];
  })
  .sort((a, b) => (a[0] < b[0] ? -1 : 1));

const cpvBytes = writeRows(
  "cpv-2008.json",
  {
    source:
      "CPV 2008 (règlement (CE) n° 213/2008), vocabulaire principal ; libellés français ColinMaudry/cpv-app " +
      "data/cpv_2008.csv @ 20813748fe0f20747fe355d688945fd17524dd43, via ../shared/data/cpv (voir README.md)",
    colonnes: ["code8", "chiffreControle", "niveau", "parent8", "libelleFr"],
  },
  "codes",
  cpvRows,
);

// ---------------------------------------------------------------- Communes of the Val-de-Marne
const communesSource = readJson("geo/val-de-marne_communes.json");
const territoire = readJson("geo/val-de-marne_departement_ept_epci.json");

const eptByCommune = new Map();
for (const ept of territoire.ept) {
  for (const code of ept.membres94) {
    if (eptByCommune.has(code)) fail(`commune ${code} in two EPT`);
    eptByCommune.set(code, { siren: ept.code, nom: ept.nom });
  }
}

const communes = communesSource
  .map((commune) => {
    const ept = eptByCommune.get(commune.code);
    if (commune.departement !== "94") fail(`commune ${commune.code} outside the 94`);
    if (!ept) fail(`commune ${commune.code} without EPT`);
    return {
      codeInsee: commune.code,
      nom: commune.nom,
      siren: commune.siren,
      codesPostaux: [...commune.codesPostaux].sort(),
      eptSiren: ept.siren,
      eptNom: ept.nom,
    };
  })
  .sort((a, b) => (a.codeInsee < b.codeInsee ? -1 : 1));

const ept = territoire.ept
  .map((e) => ({ siren: e.code, nom: e.nom, communes94: [...e.membres94].sort() }))
  .sort((a, b) => (a.siren < b.siren ? -1 : 1));

const communesBytes = writeRows(
  "communes-94.json",
  {
    source: `${territoire.source} ; INSEE COG 2026, La Poste (codes postaux), via ../shared/data/geo (voir README.md)`,
    ept,
  },
  "communes",
  communes,
);

console.log(`cpv-2008.json: ${cpvRows.length} codes, ${cpvBytes} octets`);
console.log(`communes-94.json: ${communes.length} communes, ${ept.length} EPT, ${communesBytes} octets`);
