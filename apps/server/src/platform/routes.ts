import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { can, DomainError, type CurrentSession, type Permission, type UserActor } from "@achat-public/domain";
import { Problem } from "@achat-public/contracts";
import { readOnly, unitOfWork, type AppContext, type UnitOfWork } from "../context";

/**
 * Who may call a route, declared with the route and checked before its input is even validated:
 * - "public": anyone, logged in or not (the handler gets `actor: null` when anonymous);
 * - "session": any logged-in account (the use case decides, e.g. its own password);
 * - a permission: logged-in accounts whose role holds it (the use case checks it again).
 */
export type Access = "public" | "session" | Permission;

/** One entry of the route table: the role × route matrix test and the docs read it. */
export interface CatalogEntry {
  method: string;
  url: string;
  access: Access;
  csrf: boolean;
  /** Example inputs the matrix test can send (valid shape), when the route needs a body or a query. */
  example?: { body?: unknown; query?: Record<string, string>; params?: Record<string, string> };
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: the parsed input, the actor (null only on public routes called anonymously), a unit of work. */
interface HandlerInput<A extends Access, P, Q, B> {
  actor: A extends "public" ? UserActor | null : UserActor;
  session: A extends "public" ? CurrentSession | null : CurrentSession;
  params: P;
  query: Q;
  body: B;
  uow: UnitOfWork;
  ctx: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

interface Spec<A extends Access, PS, QS, BS, RS extends Schema> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  access: A;
  summary: string;
  description?: string;
  params?: PS;
  query?: QS;
  body?: BS;
  /** The response schema (presenters give its French fields); `z.null()` with `status: 204`. */
  response: RS;
  status?: 200 | 201 | 202 | 204;
  /** false: no CSRF token needed (pure public computations that change nothing). Default true. */
  csrf?: boolean;
  /** Reachable while the account must still replace a password chosen by someone else. Default false. */
  allowedBeforePasswordChange?: boolean;
  example?: CatalogEntry["example"];
  /** Extra Fastify route options (e.g. a body limit). */
  options?: Pick<RouteShorthandOptions, "bodyLimit">;
  handler(input: HandlerInput<A, Out<PS>, Out<QS>, Out<BS>>): Promise<z.input<RS>> | z.input<RS>;
}

type AnySpec = Spec<Access, Schema | undefined, Schema | undefined, Schema | undefined, Schema> & {
  handler(input: HandlerInput<"public", unknown, unknown, unknown>): unknown;
};

/** Error answers every route may give, in the OpenAPI document. */
function errorResponses(access: Access): Record<number, Schema> {
  const errors: Record<number, Schema> = { 400: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem, 503: Problem };
  if (access !== "public") Object.assign(errors, { 401: Problem, 403: Problem });
  return errors;
}

export function unauthenticated(): DomainError {
  return new DomainError("UNAUTHENTICATED", "Vous devez être connecté pour accéder à cette ressource.", "unauthenticated");
}

/** The access check of a route, run before validation: 401 without a session, 403 without the permission. */
function checkAccess(request: FastifyRequest, access: Access, allowedBeforePasswordChange: boolean): void {
  if (access === "public") return;
  const session = request.session;
  if (!session) throw unauthenticated();
  if (session.utilisateur.motDePasseAChanger && !allowedBeforePasswordChange) {
    throw new DomainError(
      "PASSWORD_CHANGE_REQUIRED",
      "Choisissez d'abord votre propre mot de passe (page « Mon mot de passe ») : celui que vous avez reçu doit être remplacé.",
      "forbidden",
    );
  }
  if (access !== "session" && !can(session.actor, access)) {
    throw new DomainError("FORBIDDEN", "Votre rôle ne permet pas d'accéder à cette ressource.", "forbidden", [], { permission: access });
  }
}

/**
 * The route helpers of a context: a handler is one call. `read` answers from the pool (no transaction);
 * `write` runs the handler in one unit of work (a transaction with every repository, all or nothing) as the
 * session's actor. Both parse params, query and body with the contract schemas, check access first, and
 * declare the route in the catalog.
 */
export class RouteBuilder {
  constructor(
    private readonly app: FastifyInstance,
    private readonly ctx: AppContext,
    private readonly catalog: CatalogEntry[],
    private readonly tags: string[],
  ) {}

  /** A route answered outside any transaction (reads; or a handler that opens its own, like the login). */
  read<A extends Access, PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined, RS extends Schema>(
    spec: Spec<A, PS, QS, BS, RS>,
  ): void {
    this.add(spec as unknown as AnySpec, false);
  }

  /**
   * A route whose handler runs in one unit of work: one transaction, all or nothing. Inside it, use only `uow`:
   * a query on the pool would wait for the transaction to end (on PGlite, one connection, it never would).
   */
  write<A extends Access, PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined, RS extends Schema>(
    spec: Spec<A, PS, QS, BS, RS>,
  ): void {
    this.add(spec as unknown as AnySpec, true);
  }

  /**
   * A route whose answer is not JSON (a file, a feed, an image): same access check and catalog entry, the
   * handler writes the reply itself. Only GET; hidden from the OpenAPI document unless `summary` is given.
   */
  raw(spec: {
    url: string;
    access: Access;
    summary?: string;
    query?: Schema;
    handler(input: { request: FastifyRequest; reply: FastifyReply; ctx: AppContext; session: CurrentSession | null }): Promise<unknown>;
  }): void {
    this.catalog.push({ method: "GET", url: spec.url, access: spec.access, csrf: false });
    const app = this.app.withTypeProvider<ZodTypeProvider>();
    app.route({
      method: "GET",
      url: spec.url,
      schema: spec.summary
        ? { tags: this.tags, summary: spec.summary, ...(spec.query ? { querystring: spec.query } : {}) }
        : { hide: true, ...(spec.query ? { querystring: spec.query } : {}) },
      preValidation: async (request) => checkAccess(request, spec.access, false),
      handler: async (request, reply) => spec.handler({ request, reply, ctx: this.ctx, session: request.session }),
    });
  }

  private add(spec: AnySpec, transactional: boolean): void {
    const { ctx } = this;
    const csrf = spec.csrf !== false;
    this.catalog.push({
      method: spec.method,
      url: spec.url,
      access: spec.access,
      csrf,
      ...(spec.example ? { example: spec.example } : {}),
    });
    const status = spec.status ?? 200;
    const allowedBeforePasswordChange = spec.allowedBeforePasswordChange === true;
    const app = this.app.withTypeProvider<ZodTypeProvider>();
    app.route({
      method: spec.method,
      url: spec.url,
      ...spec.options,
      config: { csrf },
      schema: {
        tags: this.tags,
        summary: spec.summary,
        ...(spec.description ? { description: spec.description } : {}),
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { querystring: spec.query } : {}),
        ...(spec.body ? { body: spec.body } : {}),
        response: { [status]: spec.response, ...errorResponses(spec.access) },
      },
      preValidation: async (request) => checkAccess(request, spec.access, allowedBeforePasswordChange),
      handler: async (request, reply) => {
        const session = request.session;
        const run = (uow: UnitOfWork) =>
          spec.handler({
            actor: session?.actor ?? null,
            session,
            params: request.params,
            query: request.query,
            body: request.body,
            uow,
            ctx,
            request,
            reply,
          });
        const result = transactional ? await unitOfWork(ctx, async (uow) => run(uow), request.id) : await run(readOnly(ctx));
        if (reply.sent) return reply;
        return reply.status(status).send(status === 204 ? null : result);
      },
    });
  }
}

/** A context's routes: `defineRoutes("Organisation", (r) => { r.read(…); r.write(…); })`. */
export type ContextRoutes = (app: FastifyInstance, ctx: AppContext, catalog: CatalogEntry[]) => void;

export function defineRoutes(tag: string, declare: (r: RouteBuilder, ctx: AppContext) => void): ContextRoutes {
  return (app, ctx, catalog) => declare(new RouteBuilder(app, ctx, catalog, [tag]), ctx);
}
