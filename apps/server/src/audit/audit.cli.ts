import { defineCommands } from "../platform/cli/commands";
import { print } from "../platform/cli/output";
import { verifyAudit, writeCheckpoint } from "./checkpoints";

const REASONS: Record<string, string> = {
  "hash-mismatch": "son contenu ne correspond plus à son empreinte (événement modifié)",
  "prev-hash-mismatch": "il ne désigne pas l'empreinte de l'événement précédent (événement supprimé, inséré ou réordonné)",
  "checkpoint-mismatch": "l'empreinte de ce maillon n'est plus celle du dernier point d'ancrage signé (historique réécrit)",
  "tail-truncated": "le journal s'arrête avant le dernier point d'ancrage signé (événements supprimés en fin de journal)",
  "checkpoint-signature": "la signature du dernier point d'ancrage est invalide (fichier modifié, ou clé de signature absente)",
};

export const auditCommands = defineCommands([
  {
    name: "audit verifier",
    usage: "[--json]",
    summary:
      "Vérifie la chaîne d'empreintes du journal d'audit depuis son premier événement, puis contre le dernier point d'ancrage signé ;\n" +
      "signale la première rupture (code de sortie 1).",
    async run({ out, context }) {
      const ctx = await context();
      const report = await verifyAudit(ctx);
      const data = {
        ok: report.problem === null,
        checked: report.chain.checked,
        checkpoint: report.checkpoint,
        firstBreak: report.problem,
      };
      if (!report.problem) {
        const n = report.chain.checked;
        const anchor = report.checkpoint
          ? ` ; dernier point d'ancrage (maillon n° ${report.checkpoint.seq}, ${report.checkpoint.at}) vérifié`
          : "";
        print(out, `Chaîne d'audit intègre : ${n} événement${n > 1 ? "s" : ""} vérifié${n > 1 ? "s" : ""}${anchor}.`, data);
        return 0;
      }
      const b = report.problem;
      print(
        out,
        `Chaîne d'audit ROMPUE au maillon n° ${b.seq}${b.id ? ` (événement ${b.id})` : ""} : ${REASONS[b.reason] ?? b.reason}.\n` +
          `  attendu : ${b.expected}\n  trouvé  : ${b.found}\n${report.chain.checked} événement(s) intègre(s) avant la rupture.`,
        data,
      );
      return 1;
    },
  },
  {
    name: "audit ancrer",
    usage: "[--json]",
    summary: "Signe la tête de la chaîne d'audit et l'écrit hors de la base (fichier d'ancrage et journal du serveur).",
    async run({ out, context }) {
      const ctx = await context();
      const checkpoint = await writeCheckpoint(ctx);
      print(out, `Point d'ancrage écrit : maillon n° ${checkpoint.seq}, empreinte ${checkpoint.hash}.`, checkpoint);
      return 0;
    },
  },
]);
