import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import { createUser, normaliseEmail, resetPassword, systemActor } from "@achat-public/domain";
import { verifyAuditChain } from "@achat-public/db";
import { unitOfWork, type AppContext } from "../context";
import { loadDemoData } from "../demo/demo-data";
import { option, readStdin, requiredOption, UsageError, type ParsedArgs } from "./args";
import { print, withContext, type Output } from "./shared";

function generatePassword(): string {
  return randomBytes(15).toString("base64url"); // 20 characters, 120 bits
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
    print(out, `Compte créé : ${user.email} (${user.role}).${generated ? `\nMot de passe (affiché une seule fois) : ${password}` : ""}`, {
      id: user.id,
      email: user.email,
      role: user.role,
      ...(generated ? { motDePasse: password } : {}),
    });
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
      print(
        out,
        `Chaîne d'audit intègre : ${report.checked} événement${report.checked > 1 ? "s" : ""} vérifié${report.checked > 1 ? "s" : ""}.`,
        report,
      );
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
        throw new UsageError(
          "La base contient déjà une organisation : les données de démonstration ne se chargent que dans une base vide.",
        );
      }
      return loadDemoData(repos, ctx.hasher);
    });
    print(
      out,
      `Données de démonstration chargées : ${summary.directions} directions, ${summary.services} services, ${summary.users} comptes.`,
      summary,
    );
    return 0;
  });
}

export const ADMIN_COMMANDS = {
  "utilisateur creer": createUserCommand,
  "utilisateur reinitialiser-mot-de-passe": resetPasswordCommand,
  "audit verifier": (_args: ParsedArgs, out: Output) => verifyAuditCommand(out),
  "demo charger": (_args: ParsedArgs, out: Output) => loadDemoCommand(out),
};
