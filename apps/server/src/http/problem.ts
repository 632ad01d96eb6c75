import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isDomainError, type ErrorKind, type Issue } from "@achat-public/domain";
import { invalidInputDetail, toApiIssues, type Problem } from "@achat-public/contracts";

/** The one place where domain error kinds become HTTP statuses. */
export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  "invalid-input": 400,
  "rule-violation": 422,
  "not-found": 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  "rate-limited": 429,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: "Requête invalide",
  401: "Authentification requise",
  403: "Action interdite",
  404: "Introuvable",
  405: "Méthode non autorisée",
  406: "Format de réponse non disponible",
  409: "Conflit",
  413: "Requête trop volumineuse",
  415: "Type de contenu non pris en charge",
  422: "Règle non respectée",
  429: "Trop de requêtes",
  500: "Erreur interne",
  503: "Service indisponible",
};

/**
 * Domain field names (English identifiers) → API field names (French), so that `issues[].path` names the
 * field the client actually sent.
 */
const API_FIELD_NAMES: Record<string, string> = {
  name: "nom",
  acronym: "sigle",
  displayName: "nomAffiche",
  password: "motDePasse",
  active: "actif",
};

const toApiPath = (path: Issue["path"]): Issue["path"] =>
  path.map((segment, i) => (i === 0 && typeof segment === "string" ? (API_FIELD_NAMES[segment] ?? segment) : segment));

/** Messages for the errors Fastify raises itself before a handler runs. */
const FASTIFY_ERRORS: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "MALFORMED_JSON",
    detail: "Le corps de la requête n'est pas du JSON valide : vérifiez les guillemets, les virgules et les accolades.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "EMPTY_JSON_BODY",
    detail: "Le corps de la requête est vide alors que l'en-tête Content-Type annonce du JSON.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "BODY_TOO_LARGE",
    detail: "Le corps de la requête dépasse la taille maximale acceptée (1 Mo).",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    detail: "Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "INVALID_CONTENT_LENGTH",
    detail: "La longueur annoncée (Content-Length) ne correspond pas au corps reçu.",
  },
};

function parseInstancePath(instancePath: string): (string | number)[] {
  return instancePath
    .split("/")
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function problem(status: number, code: string, detail: string, requestId: string, issues: Issue[] = []): Problem {
  return {
    type: `https://achat-public.fr/problemes/${code.toLowerCase().replace(/_/g, "-")}`,
    title: TITLE_BY_STATUS[status] ?? "Erreur",
    status,
    detail,
    code,
    issues,
    requestId,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type("application/problem+json; charset=utf-8").send(body);
}

/** Fastify error handler: every error leaves as problem+json; a 500 never shows internals. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const requestId = request.id;
  if (isDomainError(error)) {
    const status = STATUS_BY_KIND[error.kind];
    if (error.kind === "rate-limited" && typeof error.details.retryAfterSeconds === "number") {
      reply.header("Retry-After", String(error.details.retryAfterSeconds));
    }
    if (status === 403) request.log.info({ code: error.code, actor: request.session?.actor.label }, "action refusée");
    const issues = error.issues.map((i) => ({ path: toApiPath(i.path), message: i.message }));
    return sendProblem(reply, problem(status, error.code, error.message, requestId, issues));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError & { validationContext?: string }).validationContext;
    const prefix = context && context !== "body" ? [context === "querystring" ? "query" : context] : [];
    const issues = error.validation.flatMap((v) =>
      toApiIssues({
        path: [...prefix, ...parseInstancePath(v.instancePath)],
        code: v.keyword,
        message: v.message ?? "Valeur invalide.",
        keys: (v.params as { keys?: string[] }).keys ?? [],
      }),
    );
    return sendProblem(reply, problem(400, "INVALID_INPUT", invalidInputDetail(issues), requestId, issues));
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return sendProblem(reply, problem(error.statusCode ?? 400, known.code, known.detail, requestId));
  if (!isResponseSerializationError(error) && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(
      reply,
      problem(error.statusCode, "BAD_REQUEST", "La requête n'a pas pu être traitée telle qu'elle a été envoyée.", requestId),
    );
  }
  request.log.error({ err: error }, "erreur interne");
  return sendProblem(
    reply,
    problem(
      500,
      "INTERNAL_ERROR",
      `Une erreur interne est survenue ; elle a été enregistrée. Si elle se reproduit, communiquez au support l'identifiant de requête ${requestId}.`,
      requestId,
    ),
  );
}
