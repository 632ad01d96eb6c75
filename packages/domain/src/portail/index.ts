/**
 * The companies' portal: saved searches, digests, feeds and the calendar of deadlines. See docs/portail.md.
 */
export * from "./veille";
export * from "./ports";
export * from "./recherches.use-cases";
export { PORTAIL } from "./contexte";
