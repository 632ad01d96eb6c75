import type { ServerContext } from "../platform/context-registry";
import { publicationCommands } from "./publication.cli";
import { publicationRoutes } from "./publication.routes";

/**
 * Open data of the département (issue 10, export half): DECP v2.0.3 with its quality gate, OCDS 1.1.5, public routes
 * without login and a change feed. Reads the contracts and procedures through `ctx.sourcePublication` (see
 * docs/donnees-ouvertes.md, « Brancher la source »).
 */
export const publication: ServerContext = { name: "publication", routes: [publicationRoutes], commands: publicationCommands };
