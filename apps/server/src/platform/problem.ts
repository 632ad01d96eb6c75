import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { INVALID_INPUT_DEFAULT_MESSAGE, isDomainError, type ErrorKind, type Issue } from "@achat-public/domain";
import { apiPath, invalidInputDetail, toApiIssues, type ApiIssue, type Problem } from "@achat-public/contracts";
import { isDatabaseUnavailable } from "@achat-public/db";

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

/** Exit codes of the CLI for the same kinds: 2 for what the user can fix in the input, 1 otherwise. */
export const EXIT_CODE_BY_KIND: Record<ErrorKind, number> = {
  "invalid-input": 2,
  "rule-violation": 2,
  "not-found": 2,
  conflict: 1,
  forbidden: 1,
  unauthenticated: 1,
  "rate-limited": 1,
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
  414: "Adresse trop longue",
  415: "Type de contenu non pris en charge",
  422: "Règle non respectée",
  429: "Trop de requêtes",
  431: "En-têtes trop volumineux",
  500: "Erreur interne",
  503: "Service indisponible",
};

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
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "BODY_TOO_LARGE", detail: "Le corps de la requête dépasse la taille maximale acceptée (1 Mo)." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    detail: "Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "INVALID_CONTENT_LENGTH",
    detail: "La longueur annoncée (Content-Length) ne correspond pas au corps reçu.",
  },
  FST_ERR_BAD_URL: { code: "BAD_URL", detail: "L'adresse demandée est mal formée (encodage invalide)." },
  FST_ERR_ASYNC_CONSTRAINT: { code: "BAD_REQUEST", detail: "La requête n'a pas pu être aiguillée." },
};

function parseInstancePath(instancePath: string): (string | number)[] {
  return instancePath
    .split("/")
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function problem(status: number, code: string, detail: string, requestId: string, issues: ApiIssue[] = []): Problem {
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

/** Issues of a domain error as the client sent its fields (unit suffixes stripped, see `apiPath`). */
export function apiIssues(issues: readonly Issue[]): ApiIssue[] {
  return issues.map((i) => ({ path: apiPath(i.path), message: i.message }));
}

/** The French sentence of a domain error: built from its issues when it only says "invalid input". */
export function domainDetail(message: string, issues: ApiIssue[]): string {
  return message === INVALID_INPUT_DEFAULT_MESSAGE && issues.length > 0 ? invalidInputDetail(issues) : message;
}

/** A problem for any error: domain refusals, validation, Fastify's own errors, a lost database, or a bug. */
export function problemOf(error: FastifyError | Error, requestId: string): { body: Problem; retryAfter?: number; internal: boolean } {
  if (isDomainError(error)) {
    const issues = apiIssues(error.issues);
    const retryAfter = typeof error.details.retryAfterSeconds === "number" ? error.details.retryAfterSeconds : undefined;
    return {
      body: problem(STATUS_BY_KIND[error.kind], error.code, domainDetail(error.message, issues), requestId, issues),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      internal: false,
    };
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
    return { body: problem(400, "INVALID_INPUT", invalidInputDetail(issues), requestId, issues), internal: false };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      body: problem(
        503,
        "DATABASE_UNAVAILABLE",
        "La base de données est momentanément indisponible : réessayez dans quelques secondes.",
        requestId,
      ),
      retryAfter: 5,
      internal: true,
    };
  }
  const code = (error as FastifyError).code;
  const statusCode = (error as FastifyError).statusCode;
  const known = code ? FASTIFY_ERRORS[code] : undefined;
  if (known) return { body: problem(statusCode ?? 400, known.code, known.detail, requestId), internal: false };
  if (!isResponseSerializationError(error) && statusCode && statusCode >= 400 && statusCode < 500) {
    return {
      body: problem(statusCode, "BAD_REQUEST", "La requête n'a pas pu être traitée telle qu'elle a été envoyée.", requestId),
      internal: false,
    };
  }
  return {
    body: problem(
      500,
      "INTERNAL_ERROR",
      `Une erreur interne est survenue ; elle a été enregistrée. Si elle se reproduit, communiquez au support l'identifiant de requête ${requestId}.`,
      requestId,
    ),
    internal: true,
  };
}

/** Fastify error handler: every error leaves as problem+json; a 500 never shows internals. */
export async function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { body, retryAfter, internal } = problemOf(error, request.id);
  if (retryAfter !== undefined) reply.header("Retry-After", String(retryAfter));
  if (body.status === 503) request.log.warn({ err: error }, "base de données indisponible");
  else if (internal) request.log.error({ err: error }, "erreur interne");
  if (body.status === 403 || body.code === "CSRF_REJECTED") await request.server.recordRefusal?.(request, body);
  return sendProblem(reply, body);
}
