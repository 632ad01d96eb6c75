/**
 * The company's own space: its contracts, invoices and interest owed, evaluations received and given, and the
 * aggregate of the evaluations of the département. See docs/portail.md (« Espace de l'entreprise »).
 */
export * from "./ports";
export * from "./espace.use-cases";
export { ESPACE } from "./contexte";
