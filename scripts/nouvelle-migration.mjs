#!/usr/bin/env node
// Creates the next SQL migration file and its journal entry: `npm run db:migration -- nom_de_la_migration`.
// Migrations are written by hand (forward only); packages/db/src/schema.int.test.ts checks that the
// TypeScript schema describes exactly what they build.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage : npm run db:migration -- nom_en_snake_case");
  process.exit(2);
}
const folder = fileURLToPath(new URL("../packages/db/migrations", import.meta.url));
const journalPath = join(folder, "meta/_journal.json");
const journal = JSON.parse(readFileSync(journalPath, "utf8"));
const idx = journal.entries.length;
const tag = `${String(idx).padStart(4, "0")}_${name}`;
writeFileSync(
  join(folder, `${tag}.sql`),
  `-- ${name.replace(/_/g, " ")}\n-- Séparez les instructions par une ligne « --> statement-breakpoint ».\n`,
  { flag: "wx" },
);
journal.entries.push({ idx, version: "7", when: Date.now(), tag, breakpoints: true });
writeFileSync(journalPath, `${JSON.stringify(journal, null, 2)}\n`);
console.log(`packages/db/migrations/${tag}.sql créé`);
