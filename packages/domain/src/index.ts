/**
 * The domain: pure business code (no I/O, no clock, no framework). Each context is a folder with its
 * entities, ports, permissions and use cases, imported as `@achat-public/domain/<context>`; this root
 * entry re-exports the shared kernel and the foundation contexts.
 */
export * from "./commun/index";
export * from "./acces/index";
export * from "./organisation/index";
export * from "./audit/index";
export { LIBELLES_EVENEMENTS, PERMISSIONS, type Permission } from "./contextes";
