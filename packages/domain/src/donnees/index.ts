/**
 * Open data (données ouvertes): the store of public award data (DECP of every buyer), its normalisation
 * rules (imported or rejected with reasons, fixable defects imported with a warning). See docs/donnees-ouvertes.md.
 */
export * from "./normalisation";
export { DONNEES } from "./contexte";
export * from "./territoires";
