/**
 * Company accounts (portail des entreprises): self-registration with the SIRET, e-mail confirmation,
 * colleagues invited by the company's administrator, the company profile. See docs/entreprises.md.
 */
export * from "./entreprise";
export * from "./ports";
export * from "./comptes.use-cases";
export { ENTREPRISES } from "./contexte";
