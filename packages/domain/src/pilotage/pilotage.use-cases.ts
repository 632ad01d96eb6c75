import { DomainError } from "../commun/errors";
import type { AuditLog } from "../commun/ports";
import { assertCan, directionScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import {
  calculerIndicateurs,
  CLES_INDICATEURS,
  type CleIndicateur,
  comparerCible,
  DEFINITIONS_INDICATEURS,
  type EtatCible,
  type Indicateur,
} from "./indicateurs";
import type { AxeRepartition, FiltreIndicateurs, MarcheDerriere, PilotageRepository } from "./ports";

interface Deps {
  pilotage: PilotageRepository;
  audit: AuditLog;
}

/** What the caller asks: a year (or dates), a direction or all, a minimum amount. */
export interface DemandeIndicateurs {
  annee?: number;
  du?: string;
  au?: string;
  directionId?: string | null;
  montantMinHtCents?: number;
  divisionCpv?: string | null;
}

export interface IndicateurCible extends Indicateur {
  cible: number | null;
  etatCible: EtatCible | null;
}

export interface TableauIndicateurs {
  filtre: FiltreIndicateurs;
  indicateurs: Record<CleIndicateur, IndicateurCible>;
}

/**
 * The population of the request, within the actor's scope: a direction buyer always gets its own direction
 * (asking for another one is refused, never silently widened or narrowed).
 */
export function filtreDe(actor: Actor, demande: DemandeIndicateurs): FiltreIndicateurs {
  const scope = directionScope(actor);
  let directionId = demande.directionId ?? null;
  if (scope.kind === "none") throw new DomainError("FORBIDDEN", "Votre rôle ne permet pas de consulter les indicateurs.", "forbidden");
  if (scope.kind === "direction") {
    if (directionId !== null && directionId !== scope.directionId)
      throw new DomainError("FORBIDDEN", "Vous ne pouvez consulter que les indicateurs de votre direction.", "forbidden", [
        { path: ["direction"], message: "Direction hors de votre périmètre." },
      ]);
    directionId = scope.directionId;
  }
  let du = demande.du;
  let au = demande.au;
  if (demande.annee !== undefined) {
    du ??= `${demande.annee}-01-01`;
    au ??= `${demande.annee}-12-31`;
  }
  const issues = [];
  if (!du) issues.push({ path: ["du"], message: "Indiquez une année ou une date de début." });
  if (!au) issues.push({ path: ["au"], message: "Indiquez une année ou une date de fin." });
  if (du && au && du > au) issues.push({ path: ["au"], message: "La date de fin précède la date de début." });
  if (issues.length > 0 || !du || !au) throw new DomainError("INVALID_INPUT", "Période invalide.", "invalid-input", issues);
  return { du, au, directionId, montantMinHtCents: demande.montantMinHtCents ?? 0, divisionCpv: demande.divisionCpv ?? null };
}

/** Every indicator of the population with its definition, formula and, when the year has one, its SPASER target. */
export async function lireIndicateurs(
  deps: Pick<Deps, "pilotage">,
  actor: Actor,
  organisationId: string,
  demande: DemandeIndicateurs,
): Promise<TableauIndicateurs> {
  assertCan(actor, "pilotage.read");
  const filtre = filtreDe(actor, demande);
  const [agregats, cibles] = await Promise.all([
    deps.pilotage.agreger(organisationId, filtre),
    deps.pilotage.cibles(organisationId, Number(filtre.du.slice(0, 4))),
  ]);
  const calcules = calculerIndicateurs(agregats);
  const indicateurs = {} as Record<CleIndicateur, IndicateurCible>;
  for (const cle of CLES_INDICATEURS) {
    const cible = cibles.find((c) => c.indicateur === cle)?.valeur ?? null;
    indicateurs[cle] = {
      ...calcules[cle],
      cible,
      etatCible: cible === null ? null : comparerCible(cle, calcules[cle].valeur, cible),
    };
  }
  return { filtre, indicateurs };
}

/** The indicators split by direction, CPV family or month (charts of the cockpit). */
export async function repartirIndicateurs(
  deps: Pick<Deps, "pilotage">,
  actor: Actor,
  organisationId: string,
  demande: DemandeIndicateurs,
  axe: AxeRepartition,
): Promise<{
  filtre: FiltreIndicateurs;
  axe: AxeRepartition;
  series: { cle: string; libelle: string; indicateurs: Record<CleIndicateur, Indicateur> }[];
}> {
  assertCan(actor, "pilotage.read");
  const filtre = filtreDe(actor, demande);
  const series = await deps.pilotage.repartir(organisationId, filtre, axe);
  return {
    filtre,
    axe,
    series: series.map((s) => ({ cle: s.cle, libelle: s.libelle, indicateurs: calculerIndicateurs(s.agregats) })),
  };
}

/** The contracts behind a figure: those counted in its numerator (the whole population for a count or a sum). */
export async function marchesDerriere(
  deps: Pick<Deps, "pilotage">,
  actor: Actor,
  organisationId: string,
  demande: DemandeIndicateurs,
  indicateur: CleIndicateur,
  page: { limit: number; offset: number },
): Promise<{ filtre: FiltreIndicateurs; total: number; marches: MarcheDerriere[] }> {
  assertCan(actor, "pilotage.read");
  const filtre = filtreDe(actor, demande);
  return { filtre, ...(await deps.pilotage.marchesDerriere(organisationId, filtre, indicateur, page)) };
}

/** Sets the SPASER target of an indicator for a year (a share between 0 and 1, a delay in days…). */
export async function fixerCible(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  input: { indicateur: CleIndicateur; annee: number; valeur: number },
): Promise<void> {
  assertCan(actor, "pilotage.cibles");
  const definition = DEFINITIONS_INDICATEURS[input.indicateur];
  if (definition.unite === "part" && !input.indicateur.startsWith("economie") && (input.valeur < 0 || input.valeur > 1))
    throw new DomainError("INVALID_INPUT", "Une part est comprise entre 0 et 1.", "invalid-input", [
      { path: ["valeur"], message: "Une part est comprise entre 0 et 1 (0,3 pour 30 %)." },
    ]);
  if (definition.unite !== "part" && input.valeur < 0)
    throw new DomainError("INVALID_INPUT", "Un objectif ne peut pas être négatif.", "invalid-input", [
      { path: ["valeur"], message: "Un objectif ne peut pas être négatif." },
    ]);
  await deps.pilotage.fixerCible(organisationId, input);
  await deps.audit.append(actor, {
    organisationId,
    type: "pilotage.cible-fixee",
    aggregateType: "cible",
    aggregateId: `${input.annee}:${input.indicateur}`,
    payload: input,
  });
}
