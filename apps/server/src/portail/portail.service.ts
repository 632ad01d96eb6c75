import { createHmac, randomBytes } from "node:crypto";
import type { Executor } from "@achat-public/db";
import { lignesPublieesSource } from "@achat-public/db";
import type { ConsultationsOuvertesSource, Signataire, SourcesVeille } from "@achat-public/domain/portail";
import type { AppContext } from "../context";
import { consultationsOuvertesAdapter } from "./consultations-ouvertes.adapter";

/** The ports of the portal that live outside the transaction repositories (set by tests, wired at merge). */
export interface PortailPorts {
  consultationsOuvertes?: ConsultationsOuvertesSource;
}
const ports = new WeakMap<AppContext, PortailPorts>();

/** Test hook and merge point: the source of the open consultations of this application context. */
export function definirConsultationsOuvertes(ctx: AppContext, source: ConsultationsOuvertesSource): void {
  ports.set(ctx, { ...ports.get(ctx), consultationsOuvertes: source });
}

/**
 * The département the platform serves, from the organisation's SIRET (a département's SIREN is 22 + its number:
 * 229400288 → 94). Null when it does not look like one.
 */
export function departementDe(ctx: AppContext): string | null {
  const siret = ctx.config.organisation.siret;
  const m = /^22(\d{2}|2A|2B)/.exec(siret);
  return m?.[1] ?? null;
}

export function sourcesVeille(ctx: AppContext, db: Executor): SourcesVeille {
  const departement = departementDe(ctx);
  return {
    departement,
    lignes: lignesPublieesSource(db, departement),
    consultations: ports.get(ctx)?.consultationsOuvertes ?? consultationsOuvertesAdapter(db, ctx.clock),
  };
}

type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
const cles = new WeakMap<AppContext, string>();

/**
 * Signs with the installation's key (HMAC-SHA256, base64url), kept in `portail_cles` and created at first use.
 * `executeSql` is the caller's (a transaction's or the pool's): never a pool query inside a transaction.
 */
export function signataire(ctx: AppContext, executeSql: ExecuteSql): Signataire {
  return {
    async signer(message) {
      let cle = cles.get(ctx);
      if (!cle) {
        await executeSql("INSERT INTO portail_cles (nom, valeur) VALUES ('signature', $1) ON CONFLICT DO NOTHING", [
          randomBytes(32).toString("base64url"),
        ]);
        const { rows } = await executeSql("SELECT valeur FROM portail_cles WHERE nom = 'signature'");
        cle = (rows[0] as { valeur: string }).valeur;
        cles.set(ctx, cle);
      }
      return createHmac("sha256", cle).update(message).digest("base64url");
    },
  };
}

export const urlPublique = (ctx: AppContext) => ctx.config.publicUrl.replace(/\/$/, "");
