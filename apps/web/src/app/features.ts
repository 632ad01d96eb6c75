/**
 * THE registry of the web app's features, one line each. The router, the navigation, the account menu,
 * the footer and the start page read it; adding a page is adding it to a feature's `feature.ts` (see
 * docs/ARCHITECTURE.md, « Ajouter une page »).
 */
import { accueil } from "../features/accueil/feature";
import { audit } from "../features/audit/feature";
import { auth } from "../features/auth/feature";
import { donnees } from "../features/donnees/feature";
import { entreprises } from "../features/entreprises/feature";
import { informations } from "../features/informations/feature";
import { marches } from "../features/marches/feature";
import { organisation } from "../features/organisation/feature";
import { pilotage } from "../features/pilotage/feature";
import { plateforme } from "../features/plateforme/feature";
import { procedures } from "../features/procedures/feature";
import { portail } from "../features/portail/feature";
import { programme } from "../features/programme/feature";
import { publication } from "../features/publication/feature";
import { salon } from "../features/salon/feature";
import { sourcage } from "../features/sourcage/feature";
import { espace } from "../features/espace/feature";
import { utilisateurs } from "../features/utilisateurs/feature";
import type { Feature } from "./registre";
import { simulateur } from "./simulateur.feature";

export const FEATURES: readonly Feature[] = [
  accueil,
  programme,
  procedures,
  marches,
  pilotage,
  organisation,
  utilisateurs,
  audit,
  plateforme,
  donnees,
  publication,
  entreprises,
  portail,
  sourcage,
  espace,
  salon,
  simulateur,
  auth,
  informations,
];
