import { decp } from "./decp";
import { demarrage } from "./demarrage";
import { marches } from "./marches";
import { marchesImport } from "./marches-import";
import { organisation } from "./organisation";
import { pilotage } from "./pilotage";
import { portail } from "./portail";
import { programme } from "./programme";
import { publication } from "./publication";
import { salon } from "./salon";
import { salonInscriptions } from "./salon-inscriptions";
import type { SectionBanc } from "./section";
import { tableur } from "./tableur";
import { web } from "./web";

/** The sections of `npm run bench`, in order: adding one adds a line here. */
export const SECTIONS: readonly SectionBanc[] = [
  demarrage,
  organisation,
  tableur,
  web,
  salon,
  programme,
  marches,
  marchesImport,
  decp,
  publication,
  pilotage,
  salonInscriptions,
  portail,
];
