import { randomBytes } from "node:crypto";
import { createUtilisateur, normaliseEmail, resetPassword } from "@achat-public/domain";
import { unitOfWork, type AppContext } from "../context";
import { option, requiredOption, UsageError, type ParsedArgs } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { print } from "../platform/cli/output";

/** 20 characters, 120 bits: the account must replace it at its first login. */
function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

async function organisationId(ctx: AppContext): Promise<string> {
  const organisation = await unitOfWork(ctx, (uow) => uow.organisations.first());
  if (!organisation) throw new UsageError("La base ne contient encore aucune organisation : démarrez le serveur une première fois.");
  return organisation.id;
}

async function passwordFrom(args: ParsedArgs, stdin: () => Promise<string>): Promise<{ password: string; generated: boolean }> {
  if (args.options.get("mot-de-passe-stdin") === true) return { password: (await stdin()).replace(/\r?\n$/, ""), generated: false };
  return { password: generatePassword(), generated: true };
}

export const organisationCommands = defineCommands([
  {
    name: "utilisateur creer",
    usage:
      '--email <adresse> --nom <"Prénom Nom"> --role <rôle> [--direction <sigle>] [--service <"nom du service">] [--mot-de-passe-stdin]',
    summary:
      "Crée un compte. Rôles : admin, acheteur-central, acheteur, lecteur, entreprise.\n" +
      "Sans --mot-de-passe-stdin, un mot de passe est généré, affiché une seule fois, et devra être changé à la première connexion.",
    booleans: ["mot-de-passe-stdin"],
    async run({ args, out, context, actor, stdin }) {
      const ctx = await context();
      const email = requiredOption(args, "email");
      const nomAffiche = requiredOption(args, "nom");
      const role = requiredOption(args, "role");
      const sigle = option(args, "direction");
      const serviceName = option(args, "service");
      const { password, generated } = await passwordFrom(args, stdin);
      const orgId = await organisationId(ctx);
      const utilisateur = await unitOfWork(ctx, async (uow) => {
        const { directions } = await uow.directions.list(orgId, 10_000);
        const direction = sigle ? directions.find((d) => d.sigle === sigle.toUpperCase()) : undefined;
        if (sigle && !direction)
          throw new UsageError(`Direction inconnue : ${sigle}. Sigles existants : ${directions.map((d) => d.sigle).join(", ")}.`);
        const service = serviceName ? direction?.services.find((s) => s.nom.toLowerCase() === serviceName.toLowerCase()) : undefined;
        if (serviceName && !service) throw new UsageError(`Service inconnu dans cette direction : ${serviceName}.`);
        return createUtilisateur(uow, actor, orgId, {
          email,
          nomAffiche,
          role,
          directionId: direction?.id ?? null,
          serviceId: service?.id ?? null,
          motDePasse: password,
          motDePasseChoisiParLeTitulaire: !generated,
        });
      });
      print(
        out,
        `Compte créé : ${utilisateur.email} (${utilisateur.role}).${generated ? `\nMot de passe (affiché une seule fois, à changer à la première connexion) : ${password}` : ""}`,
        { id: utilisateur.id, email: utilisateur.email, role: utilisateur.role, ...(generated ? { motDePasse: password } : {}) },
      );
      return 0;
    },
  },
  {
    name: "utilisateur reinitialiser-mot-de-passe",
    usage: "--email <adresse> [--mot-de-passe-stdin]",
    summary:
      "Définit un nouveau mot de passe (généré ou lu sur l'entrée standard), à changer à la prochaine connexion, et ferme les sessions du compte.",
    booleans: ["mot-de-passe-stdin"],
    async run({ args, out, context, actor, stdin }) {
      const ctx = await context();
      const email = normaliseEmail(requiredOption(args, "email"));
      const { password, generated } = await passwordFrom(args, stdin);
      const orgId = await organisationId(ctx);
      await unitOfWork(ctx, async (uow) => {
        const found = await uow.utilisateurs.findForLogin(email);
        if (!found) throw new UsageError(`Aucun compte avec l'adresse ${email}.`);
        await resetPassword(uow, actor, orgId, found.utilisateur.id, { motDePasse: password });
      });
      print(
        out,
        `Mot de passe de ${email} redéfini ; ses sessions sont fermées.${generated ? `\nNouveau mot de passe (affiché une seule fois) : ${password}` : ""}`,
        { email, ...(generated ? { motDePasse: password } : {}) },
      );
      return 0;
    },
  },
]);
