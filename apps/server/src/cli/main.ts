import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import "@achat-public/contracts"; // French zod messages
import {
  createUser,
  isDomainError,
  normaliseEmail,
  resetPassword,
  systemActor,
  type DomainError,
  type Issue,
} from "@achat-public/domain";
import { verifyAuditChain } from "@achat-public/db";
import { createContext, openConfiguredDatabase, StartupError } from "../bootstrap";
import { ConfigError, loadConfig } from "../config";
import { unitOfWork, type AppContext } from "../context";
import { loadDemoData } from "../demo/demo-data";
import { option, parseArgs, readStdin, requiredOption, UsageError, type ParsedArgs } from "./args";

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
  aide
      Affiche cette aide.

Options communes : --json (sortie JSON sur la sortie standard).
Codes de sortie : 0 succès, 1 échec, 2 entrée invalide.
La configuration vient des mêmes variables d'environnement que le serveur (DATA_DIR, DATABASE_URL…).
En mode embarqué, arrêtez le serveur avant une commande qui ouvre la base.`;

const BOOLEAN_FLAGS = new Set(["json", "mot-de-passe-stdin", "aide", "help"]);

interface Output {
  json: boolean;
}

function print(out: Output, human: string, data: unknown): void {
  process.stdout.write(out.json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

function generatePassword(): string {
  return randomBytes(15).toString("base64url"); // 20 characters, 120 bits
}

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(createContext(config, database));
  } finally {
    await database.close();
  }
}

const cliActor = () => systemActor(`ligne de commande (${userInfo().username})`);

async function organisationId(ctx: AppContext): Promise<string> {
  const organisation = await unitOfWork(ctx, (repos) => repos.organisations.first());
  if (!organisation) throw new UsageError("La base ne contient encore aucune organisation : démarrez le serveur une première fois.");
  return organisation.id;
}

async function passwordFrom(args: ParsedArgs): Promise<{ password: string; generated: boolean }> {
  if (args.options.get("mot-de-passe-stdin") === true) return { password: await readStdin(), generated: false };
  return { password: generatePassword(), generated: true };
}

async function createUserCommand(args: ParsedArgs, out: Output): Promise<number> {
  const email = requiredOption(args, "email");
  const displayName = requiredOption(args, "nom");
  const role = requiredOption(args, "role");
  const acronym = option(args, "direction");
  const serviceName = option(args, "service");
  const { password, generated } = await passwordFrom(args);
  return withContext(async (ctx) => {
    const orgId = await organisationId(ctx);
    const user = await unitOfWork(ctx, async (repos) => {
      const directions = await repos.directions.list(orgId);
      const direction = acronym ? directions.find((d) => d.acronym === acronym.toUpperCase()) : undefined;
      if (acronym && !direction) {
        throw new UsageError(`Direction inconnue : ${acronym}. Sigles existants : ${directions.map((d) => d.acronym).join(", ")}.`);
      }
      const service = serviceName ? direction?.services.find((s) => s.name.toLowerCase() === serviceName.toLowerCase()) : undefined;
      if (serviceName && !service) throw new UsageError(`Service inconnu dans cette direction : ${serviceName}.`);
      return createUser({ ...repos, hasher: ctx.hasher }, cliActor(), orgId, {
        email,
        displayName,
        role,
        directionId: direction?.id ?? null,
        serviceId: service?.id ?? null,
        password,
      });
    });
    print(
      out,
      `Compte créé : ${user.email} (${user.role}).${generated ? `\nMot de passe (affiché une seule fois) : ${password}` : ""}`,
      { id: user.id, email: user.email, role: user.role, ...(generated ? { motDePasse: password } : {}) },
    );
    return 0;
  });
}

async function resetPasswordCommand(args: ParsedArgs, out: Output): Promise<number> {
  const email = normaliseEmail(requiredOption(args, "email"));
  const { password, generated } = await passwordFrom(args);
  return withContext(async (ctx) => {
    const orgId = await organisationId(ctx);
    await unitOfWork(ctx, async (repos) => {
      const found = await repos.users.findForLogin(email);
      if (!found) throw new UsageError(`Aucun compte avec l'adresse ${email}.`);
      await resetPassword({ ...repos, hasher: ctx.hasher }, cliActor(), orgId, found.user.id, password);
    });
    print(
      out,
      `Mot de passe de ${email} redéfini ; ses sessions sont fermées.${generated ? `\nNouveau mot de passe (affiché une seule fois) : ${password}` : ""}`,
      { email, ...(generated ? { motDePasse: password } : {}) },
    );
    return 0;
  });
}

async function verifyAuditCommand(out: Output): Promise<number> {
  return withContext(async (ctx) => {
    const report = await verifyAuditChain(ctx.database.db);
    if (report.ok) {
      print(out, `Chaîne d'audit intègre : ${report.checked} événement${report.checked > 1 ? "s" : ""} vérifié${report.checked > 1 ? "s" : ""}.`, report);
      return 0;
    }
    const b = report.firstBreak!;
    const why =
      b.reason === "hash-mismatch"
        ? "son contenu ne correspond plus à son empreinte (événement modifié)"
        : "il ne désigne pas l'empreinte de l'événement précédent (événement supprimé, inséré ou réordonné)";
    print(
      out,
      `Chaîne d'audit ROMPUE au maillon n° ${b.seq} (événement ${b.id}) : ${why}.\n` +
        `  attendu : ${b.expected}\n  trouvé  : ${b.found}\n${report.checked} événement(s) intègre(s) avant la rupture.`,
      report,
    );
    return 1;
  });
}

async function loadDemoCommand(out: Output): Promise<number> {
  return withContext(async (ctx) => {
    const summary = await unitOfWork(ctx, async (repos) => {
      if (await repos.organisations.first()) {
        throw new UsageError("La base contient déjà une organisation : les données de démonstration ne se chargent que dans une base vide.");
      }
      return loadDemoData(repos, ctx.hasher);
    });
    print(out, `Données de démonstration chargées : ${summary.directions} directions, ${summary.services} services, ${summary.users} comptes.`, summary);
    return 0;
  });
}

type Command = (args: ParsedArgs, out: Output) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  "utilisateur creer": createUserCommand,
  "utilisateur reinitialiser-mot-de-passe": resetPasswordCommand,
  "audit verifier": (_args, out) => verifyAuditCommand(out),
  "demo charger": (_args, out) => loadDemoCommand(out),
};

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
