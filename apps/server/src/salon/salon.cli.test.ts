import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { genererInstance } from "@achat-public/domain/salon";
import { cliEnProcessus } from "../testing/cli";
import { runProcess } from "../testing/process";

/** The stable interface scripts use: `npm run --silent cli -- salon …` (a process: two tests, the others in process). */
const npmCli = (args: string[], env: Record<string, string>) => runProcess("npm", ["run", "--silent", "cli", "--", ...args], env);

/** The same command run in this process, as the CLI runs it (exit code, stdout, stderr); relative paths from `cwd`. */
const cli = (argv: string[], cwd = "/") =>
  cliEnProcessus(argv, { cwd, context: () => Promise.reject(new Error("une commande du salon n'ouvre aucune base")) });

describe("salon en ligne de commande (npm run --silent cli -- salon …)", () => {
  let dossier: string;
  let env: Record<string, string>;
  const fichier = (nom: string, contenu: unknown) => {
    const chemin = join(dossier, nom);
    writeFileSync(chemin, typeof contenu === "string" ? contenu : JSON.stringify(contenu));
    return chemin;
  };

  before(() => {
    dossier = mkdtempSync(join(tmpdir(), "achat-salon-"));
    env = { DATA_DIR: join(dossier, "jamais-cree") }; // a pure computation opens no database
  });
  after(() => rmSync(dossier, { recursive: true, force: true }));

  it("plans a fair from a JSON file and prints the documented shape, exit 0", async () => {
    const instance = genererInstance({ entreprises: 50, graine: 5 });
    const run = await npmCli(["salon", "planifier", "--entree", fichier("salon.json", instance), "--json"], env);
    assert.equal(run.code, 0, run.stderr);
    const sortie = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(sortie).slice(0, 8), [
      "rendezVous",
      "demandes",
      "places",
      "entreprisesServies",
      "borneSuperieure",
      "borneEntreprisesServies",
      "secondes",
      "ratioRendezVous",
    ]);
    assert.equal(sortie.demandes, instance.demandes.length);
    assert.equal(sortie.places, sortie.rendezVous.length);
    assert.deepEqual(Object.keys(sortie.rendezVous[0]), ["entreprise", "acheteur", "creneau"]);
    assert.equal(sortie.entreprisesServies, new Set(sortie.rendezVous.map((r: { entreprise: string }) => r.entreprise)).size);
    assert.ok(sortie.places <= sortie.borneSuperieure && sortie.entreprisesServies <= sortie.borneEntreprisesServies);
    assert.ok(sortie.ratioRendezVous >= 0.99 && sortie.ratioEntreprisesServies >= 0.99);
    assert.equal(typeof sortie.secondes, "number");
    assert.match(sortie.solveur, /HiGHS/);
  });

  it("names every problem of an invalid instance and exits 2; a relative path is read from the CLI's working directory", async () => {
    fichier("invalide.json", {
      creneaux: ["09h00"],
      entreprises: [{ id: "E1", disponibilites: ["09h00", "18h00"] }],
      acheteurs: [{ id: "A1", disponibilites: ["09h00"] }],
      demandes: [
        { entreprise: "E1", acheteur: "A1", priorite: 1 },
        { entreprise: "E1", acheteur: "A1", priorite: 2 },
        { entreprise: "E2", acheteur: "A9", priorite: 1 },
      ],
    });
    const run = await npmCli(["salon", "planifier", "--entree", join(dossier, "invalide.json"), "--json"], env);
    assert.equal(run.code, 2);
    const probleme = JSON.parse(run.stdout);
    assert.equal(probleme.code, "INVALID_INPUT");
    assert.deepEqual(
      probleme.issues.map((i: { path: string[] }) => i.path.join(".")),
      ["entreprises.0.disponibilites.1", "demandes.1", "demandes.2.entreprise", "demandes.2.acheteur"],
    );
    assert.match(run.stderr, /Créneau inconnu : « 18h00 »/);
    assert.match(run.stderr, /Demande en double/);
    assert.match(run.stderr, /Entreprise inconnue : « E2 »/);
    assert.match(run.stderr, /Acheteur inconnu : « A9 »/);

    const vide = await npmCli(
      ["salon", "planifier", "--entree", fichier("vide.json", { creneaux: [], entreprises: [], acheteurs: [], demandes: [] })],
      env,
    );
    assert.equal(vide.code, 2);
    assert.match(vide.stderr, /creneaux : La liste des créneaux est vide/);
  });

  it("refuses a malformed file, a missing file and a missing option with exit 2, and prints a summary for a person", async () => {
    const malforme = await cli(["salon", "planifier", "--entree", fichier("malforme.json", "{creneaux:"), "--json"]);
    assert.equal(malforme.code, 2);
    assert.equal(JSON.parse(malforme.stdout).code, "MALFORMED_JSON");
    const absent = await cli(["salon", "planifier", "--entree", join(dossier, "absent.json")]);
    assert.equal(absent.code, 2);
    assert.match(absent.stderr, /Fichier illisible ou introuvable/);
    const sansOption = await cli(["salon", "planifier"]);
    assert.equal(sansOption.code, 2);
    assert.match(sansOption.stderr, /Option obligatoire manquante : --entree/);
    assert.equal((await cli(["salon", "planifier", "--entree", "x.json", "--secondes", "0"])).code, 2);
    const instance = {
      creneaux: ["09h00", "09h20"],
      entreprises: [
        { id: "E1", disponibilites: ["09h00", "09h20"] },
        { id: "E2", disponibilites: [] },
      ],
      acheteurs: [{ id: "A1", disponibilites: ["09h00", "09h20"] }],
      demandes: [{ entreprise: "E1", acheteur: "A1", priorite: 1 }],
    };
    const humain = await cli(["salon", "planifier", "--entree", fichier("petit.json", instance), "--secondes", "2"]);
    assert.equal(humain.code, 0, humain.stderr);
    assert.match(humain.stdout, /1 rendez-vous placé sur 1 demandé, 1 entreprise servie/);
    assert.match(humain.stdout, /09h[02]0 \(1\) : A1 ↔ E1/);
    assert.doesNotMatch(humain.stdout, /sans aucun créneau commun/); // E2 asked for nothing
    assert.match(humain.stderr, /Avertissement : entreprises\.1\.disponibilites : L'entreprise « E2 » n'a aucune disponibilité/);
  });

  it("re-plans after a cancellation and says what moved", async () => {
    const entree = {
      instance: {
        creneaux: ["09h00", "09h20"],
        entreprises: ["E1", "E2", "E3"].map((id) => ({ id, disponibilites: ["09h00", "09h20"] })),
        acheteurs: [{ id: "A", disponibilites: ["09h00", "09h20"] }],
        demandes: ["E1", "E2", "E3"].map((entreprise) => ({ entreprise, acheteur: "A", priorite: 1 })),
      },
      plan: [
        { entreprise: "E1", acheteur: "A", creneau: "09h00", confirme: true },
        { entreprise: "E2", acheteur: "A", creneau: "09h20" },
      ],
      changements: { annulerEntreprises: ["E2"] },
    };
    const run = await cli(["salon", "replanifier", "--entree", fichier("replan.json", entree), "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const sortie = JSON.parse(run.stdout);
    assert.deepEqual(sortie.retires, [{ entreprise: "E2", acheteur: "A", creneau: "09h20", motif: "annulation", confirme: false }]);
    assert.deepEqual(sortie.ajoutes, [{ entreprise: "E3", acheteur: "A", creneau: "09h20" }]);
    assert.equal(sortie.inchanges, 1);
  });
});
