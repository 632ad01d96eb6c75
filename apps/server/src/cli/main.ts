import "@achat-public/contracts"; // French zod messages
import { isDomainError, type DomainError, type Issue } from "@achat-public/domain";
import { StartupError } from "../bootstrap";
import { ConfigError } from "../config";
import { ADMIN_COMMANDS } from "./admin.commands";
import { parseArgs, UsageError, type ParsedArgs } from "./args";
import { REGLES_COMMANDS } from "./regles.commands";
import type { Output } from "./shared";

const HELP = `achat-public — administration en ligne de commande

Usage : npm run cli -- <commande> [options]

  utilisateur creer --email <adresse> --nom <"Prénom Nom"> --role <rôle>
                    [--direction <sigle>] [--service <"nom du service">] [--mot-de-passe-stdin]
      Crée un compte. Rôles : admin, acheteur-central, acheteur, lecteur, entreprise.
      Sans --mot-de-passe-stdin, un mot de passe est généré et affiché une seule fois.
  utilisateur reinitialiser-mot-de-passe --email <adresse> [--mot-de-passe-stdin]
      Définit un nouveau mot de passe (généré ou lu sur l'entrée standard) et ferme les sessions du compte.
  audit verifier [--json]
      Vérifie la chaîne d'empreintes du journal d'audit ; signale la première rupture (code de sortie 1).
  demo charger [--json]
      Charge les données de démonstration dans une base vide.

  regles analyse '<json>'        Analyse d'un besoin : procédure, publicité, délais, obligations.
  regles delais '<json>'         Calendrier des dates légales (réception des offres, suspension, DECP…).
  regles modification '<json>'   Contrôle d'une modification de marché (avenant) et avis de la CAO.
  regles paiement '<json>'       Échéance, intérêts moratoires et indemnité forfaitaire.
  regles avance '<json>'         Avance due et plafond de la retenue de garantie.
      Mêmes entrées et mêmes sorties JSON que POST /api/regles/… (voir /api/docs) ; « - » lit le JSON
      sur l'entrée standard. Entrée invalide : le problème au format de l'API sur la sortie standard, code 2.
      Exemple : npm run --silent cli -- regles analyse '{"nature":"services","valeurEstimeeHt":59999.99,"dateLancement":"2026-05-01"}'
  regles taux-bce lister [--json]
  regles taux-bce definir --semestre <AAAA-01-01|AAAA-07-01> --taux <2,15> --source <"…"> [--confirme]
      Table administrée des taux de la BCE (intérêts moratoires, CCP R2192-31).
  aide
      Affiche cette aide.

Options communes : --json (sortie JSON sur la sortie standard).
Codes de sortie : 0 succès, 1 échec, 2 entrée invalide.
La configuration vient des mêmes variables d'environnement que le serveur (DATA_DIR, DATABASE_URL…).
En mode embarqué, arrêtez le serveur avant une commande qui ouvre la base.`;

const BOOLEAN_FLAGS = new Set(["json", "mot-de-passe-stdin", "confirme", "aide", "help"]);

type Command = (args: ParsedArgs, out: Output) => Promise<number>;

const COMMANDS: Record<string, Command> = { ...ADMIN_COMMANDS, ...REGLES_COMMANDS };

function reportIssues(out: Output, error: DomainError | { code: string; message: string; issues: Issue[] }): void {
  if (out.json) {
    process.stdout.write(`${JSON.stringify({ code: error.code, detail: error.message, issues: error.issues }, null, 2)}\n`);
  }
  process.stderr.write(`Erreur : ${error.message}\n`);
  for (const issue of error.issues) process.stderr.write(`  - ${issue.path.join(".") || "(racine)"} : ${issue.message}\n`);
}

export async function run(argv: string[]): Promise<number> {
  let out: Output = { json: false };
  try {
    const args = parseArgs(argv, BOOLEAN_FLAGS);
    out = { json: args.options.get("json") === true };
    const [group, verb, ...rest] = args.positionals;
    if (!group || group === "aide" || args.options.has("aide") || args.options.has("help")) {
      process.stdout.write(`${HELP}\n`);
      return group || args.options.size ? 0 : 2;
    }
    const command = COMMANDS[`${group} ${verb ?? ""}`];
    if (!command) throw new UsageError(`Commande inconnue : ${[group, verb].filter(Boolean).join(" ")}. Voir « npm run cli -- aide ».`);
    return await command({ ...args, positionals: rest }, out);
  } catch (error) {
    if (error instanceof UsageError) {
      reportIssues(out, { code: "USAGE", message: error.message, issues: [] });
      return 2;
    }
    if (isDomainError(error)) {
      reportIssues(out, error);
      return error.kind === "invalid-input" || error.kind === "rule-violation" ? 2 : 1;
    }
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Erreur inattendue : ${error instanceof Error ? error.stack : String(error)}\n`);
    return 1;
  }
}

const isEntryPoint = process.argv[1] && /cli[\\/]main\.ts$|cli\.js$/.test(process.argv[1]);
if (isEntryPoint) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
