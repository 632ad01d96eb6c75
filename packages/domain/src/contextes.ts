/**
 * The registry of the contexts: their permissions and the labels of their audit events. Adding a context
 * adds one line to each table below. Policies (`can`, `assertCan`) read `PERMISSIONS`; the access matrix
 * test checks it role by role; the audit page reads `LIBELLES_EVENEMENTS`.
 */
import { ACCES } from "./acces/contexte";
import { AUDIT } from "./audit/contexte";
import { DONNEES } from "./donnees/contexte";
import { ENTREPRISES } from "./entreprises/contexte";
import { PORTAIL } from "./portail/contexte";
import { ESPACE } from "./espace/contexte";
import { ORGANISATION } from "./organisation/contexte";
import { PILOTAGE } from "./pilotage/contexte";
import { PLATEFORME } from "./plateforme/contexte";
import { PROGRAMME } from "./programme/contexte";
import { PUBLICATION } from "./publication/contexte";
import { REGLES } from "./regles/contexte";
import { SALON } from "./salon/contexte";
import { FOURNISSEURS } from "./fournisseurs/contexte";
import { MARCHES } from "./marches/contexte";
import { PROCEDURES } from "./procedures/contexte";
import { SOURCAGE } from "./sourcage/contexte";

export const PERMISSIONS = {
  ...ORGANISATION.permissions,
  ...AUDIT.permissions,
  ...REGLES.permissions,
  ...PLATEFORME.permissions,
  ...SALON.permissions,
  ...PROGRAMME.permissions,
  ...FOURNISSEURS.permissions,
  ...MARCHES.permissions,
  ...PILOTAGE.permissions,
  ...DONNEES.permissions,
  ...PUBLICATION.permissions,
  ...ENTREPRISES.permissions,
  ...PROCEDURES.permissions,
  ...SOURCAGE.permissions,
  ...ESPACE.permissions,
} as const;

export type Permission = keyof typeof PERMISSIONS;

/** French label of every audit event type (« Direction créée » for `direction.created`). */
export const LIBELLES_EVENEMENTS: Readonly<Record<string, string>> = {
  ...ACCES.evenements,
  ...ORGANISATION.evenements,
  ...AUDIT.evenements,
  ...REGLES.evenements,
  ...PLATEFORME.evenements,
  ...SALON.evenements,
  ...PROGRAMME.evenements,
  ...FOURNISSEURS.evenements,
  ...MARCHES.evenements,
  ...PILOTAGE.evenements,
  ...DONNEES.evenements,
  ...PUBLICATION.evenements,
  ...ENTREPRISES.evenements,
  ...PROCEDURES.evenements,
  ...PORTAIL.evenements,
  ...SOURCAGE.evenements,
  ...ESPACE.evenements,
};
