/**
 * Publication of the département's open data: DECP v2.0.3 (essential data of public contracts) with its quality
 * gate, OCDS 1.1.5 release package, change feed for reusers. Reads the contracts and procedures through the
 * `SourcePublication` port. See docs/donnees-ouvertes.md.
 */
export * from "./types";
export { versDecp, marcheDecp, CCAG_DECP, considerationsSociales, considerationsEnvironnementales } from "./decp";
export {
  controlerPublication,
  dansPerimetreDecp,
  valeurBesoin,
  type HorsPerimetre,
  type ProblemePublication,
  type ResultatControle,
  type RetardPublication,
} from "./controle";
export { versOcds, ocidDe, empreinte, METHODE_OCDS, CATEGORIE_OCDS, STATUT_APPEL_OCDS, type OptionsOcds } from "./ocds";
export { encoderCurseur, decoderCurseur, comparerPositions, type PositionCurseur } from "./curseur";
export { sourcePublicationEnMemoire } from "./source-memoire";
export { PUBLICATION } from "./contexte";
