/**
 * What a web feature declares of itself: its pages and the blocks it adds to the start page. Each feature
 * folder has a `feature.ts` (pure data: no JSX, its components are loaded lazily by `load`), and
 * `app/features.ts` lists the features, one line each. The router, the navigation, the account menu, the
 * footer and the start page all read that one list.
 */
import type { ComponentType } from "react";
import type { Permission } from "@achat-public/domain";

/**
 * Who may open a page: `"public"` anyone, even without an account; `null` any logged-in account; otherwise
 * the permission the account's role must hold (the same codes as the API's policies).
 */
export type AccesPage = Permission | null | "public";

export interface FeaturePage {
  /** The address, e.g. "/utilisateurs" (unique in the app). */
  path: string;
  /** French name: link text in the navigation and the menus. */
  label: string;
  permission: AccesPage;
  /** Shown in the main navigation to the accounts allowed to open it. */
  nav: boolean;
  /** Shown in the account menu (pages about the logged-in person, e.g. « Mon mot de passe »). */
  menuCompte?: boolean;
  /** Linked in the footer of every page (legal pages); the text of the link when it differs from `label`. */
  piedDePage?: { libelle?: string };
  /** The page component, as the default export of its module: loaded on first visit only. */
  load: () => Promise<{ default: ComponentType }>;
}

export interface BlocAccueil {
  id: string;
  /** Who sees the block on the start page: `null` every logged-in account, otherwise a permission. */
  permission: Permission | null;
  /** Position on the start page, smallest first. */
  ordre: number;
  load: () => Promise<{ default: ComponentType }>;
}

export interface Feature {
  id: string;
  pages: FeaturePage[];
  blocsAccueil?: BlocAccueil[];
}

/** Identity function that checks a feature's declaration against the types above. */
export const defineFeature = (feature: Feature): Feature => feature;

/** Every page of the features, in the order of the registry. */
export const pagesDe = (features: readonly Feature[]): FeaturePage[] => features.flatMap((f) => f.pages);

/** Every start-page block of the features, by `ordre`. */
export const blocsDe = (features: readonly Feature[]): BlocAccueil[] =>
  features.flatMap((f) => f.blocsAccueil ?? []).sort((a, b) => a.ordre - b.ordre);

/**
 * Whether an account (its permission codes, or null when anonymous) may open a page or see a block.
 * `"public"` needs no account, `null` any account.
 */
export function autorise(acces: AccesPage, permissions: readonly string[] | null): boolean {
  if (acces === "public") return true;
  if (permissions === null) return false;
  return acces === null || permissions.includes(acces);
}
