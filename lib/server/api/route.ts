import "server-only";

import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { can } from "@/lib/auth/permissions";
import {
  AppError,
  fieldErrorsFromIssues,
  ForbiddenError,
  toApiErrorResponse,
  ValidationError,
} from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import {
  REQUEST_ID_HEADER,
  requestIdFrom,
  runWithRequestContext,
  setRequestWorkspace,
} from "@/lib/log/request-context";
import { upgradeLegacyDutyNames } from "@/lib/server/api/legacy-duty-names";
import {
  type ApiDeprecation,
  type ApiRouteSpec,
  DEFAULT_MAX_BODY_BYTES,
} from "@/lib/server/api/spec";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import {
  type ApiTokenAuth,
  authenticateApiToken,
} from "@/lib/server/tokens/authenticate-api-token";

/*
 * Wraps a /api/v1 route handler. In order: Bearer token → workspace and role (from the TOKEN,
 * never from the URL or body) → permission (403) → params, query and JSON body validated with the
 * spec's zod schemas (400 naming the fields) → handler → JSON. Every error becomes
 * `{ "error": { "code", "message" } }` with its status (lib/errors.ts).
 *
 *   // lib/server/api/specs/systems.ts
 *   export const getSystemSpec = defineApiRoute({
 *     method: "GET", path: "/api/v1/systems/{systemId}", tag: "AI systems",
 *     summary: "Get an AI system", permission: "system.read",
 *     params: z.object({ systemId: z.string() }), response: systemSchema,
 *   });
 *   // app/api/v1/systems/[systemId]/route.ts
 *   export const GET = apiRoute(getSystemSpec, async ({ workspace, params }) =>
 *     getSystem({ workspaceId: workspace.id, systemId: params.systemId }));  // NotFoundError → 404
 *
 * Then add the spec to API_ROUTE_SPECS in lib/server/api/route-specs.ts so it is documented.
 */

// Spec fields are optional, so their types include undefined; a declared schema's output is used.
type Infer<T> = [Exclude<T, undefined>] extends [never]
  ? undefined
  : Exclude<T, undefined> extends z.ZodType
    ? z.infer<Exclude<T, undefined>>
    : undefined;

export type ApiHandlerContext<S extends ApiRouteSpec> = {
  request: Request;
  token: ApiTokenAuth["token"];
  role: ApiTokenAuth["role"];
  workspace: ApiTokenAuth["workspace"];
  /** The token's creator: the person a service asks for (who invites, who may cancel, who is "me"). */
  creatorId: ApiTokenAuth["creatorId"];
  /** For recordAuditEvent: changes made through the API are attributed to the token. */
  actor: AuditActor;
  params: Infer<S["params"]>;
  query: Infer<S["query"]>;
  body: Infer<S["body"]>;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function apiRoute<S extends ApiRouteSpec>(
  spec: S,
  handler: (context: ApiHandlerContext<S>) => Promise<z.infer<S["response"]> | Response>,
) {
  return (request: Request, routeContext?: RouteContext): Promise<Response> =>
    withRequestContext(request, async () => {
      if (!spec.deprecated) return handle(request, routeContext);
      let response: Response;
      try {
        response = await handle(request, routeContext);
      } catch (error) {
        response = toApiErrorResponse(error);
      }
      // Errors too: a client learns of the successor whatever it asked.
      return markDeprecated({
        response,
        deprecation: spec.deprecated,
        request,
        params: (await routeContext?.params) ?? {},
      });
    });

  async function handle(request: Request, routeContext?: RouteContext): Promise<Response> {
    const auth = await authenticateApiToken(request.headers.get("authorization"));
    setRequestWorkspace(auth.workspace.id);
    if (!can(auth.role, spec.permission)) {
      throw new ForbiddenError(
        `This token's role (${auth.role}) does not allow ${spec.permission}.`,
      );
    }
    const params = parseWith(spec.params, (await routeContext?.params) ?? {}, "path parameters");
    const url = new URL(request.url);
    const query = parseWith(spec.query, Object.fromEntries(url.searchParams), "query parameters");
    const body = spec.body
      ? parseWith(
          spec.body,
          upgradeLegacyDutyNames(
            await readJson(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
          ),
          "request body",
        )
      : undefined;
    const result = await handler({
      request,
      token: auth.token,
      role: auth.role,
      workspace: auth.workspace,
      creatorId: auth.creatorId,
      actor: {
        type: "TOKEN",
        id: auth.token.id,
        label: `${auth.token.name} (${auth.token.prefix}…)`,
      },
      params: params as Infer<S["params"]>,
      query: query as Infer<S["query"]>,
      body: body as Infer<S["body"]>,
    });
    if (result instanceof Response) return result;
    return Response.json(result, {
      status: spec.successStatus ?? 200,
      headers: { "cache-control": "no-store" },
    });
  }
}

/**
 * Runs a route handler with a request id (the caller's if sane, else a new one) that every log
 * line of the request carries and the response returns in `x-request-id`; errors become the API's
 * error answer (lib/errors.ts). One line per request records method, path, status and duration
 * (never headers, query strings or bodies: they may hold credentials).
 */
export async function withRequestContext(
  request: Request,
  work: () => Promise<Response>,
): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  return runWithRequestContext({ requestId }, async () => {
    const started = performance.now();
    let response: Response;
    try {
      response = await work();
    } catch (error) {
      // Next's own interrupts (notFound() in a cookie route's body) are answered by Next.
      unstable_rethrow(error);
      response = toApiErrorResponse(error);
    }
    try {
      response.headers.set(REQUEST_ID_HEADER, requestId);
    } catch {
      // A response with immutable headers (a fetch passthrough): served as it is.
    }
    logger.info(
      {
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
    return response;
  });
}

/**
 * Adds RFC 9745's `Deprecation` (a structured date: `@` and Unix seconds) and a `Link` to the
 * successor (the same parameters and query string on the new path) to an old path's answer.
 */
function markDeprecated({
  response,
  deprecation,
  request,
  params,
}: {
  response: Response;
  deprecation: ApiDeprecation;
  request: Request;
  params: Record<string, string | string[] | undefined>;
}): Response {
  const url = new URL(request.url);
  const successorPath = deprecation.successor.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = params[deprecation.renamedParams?.[name] ?? name];
    return encodeURIComponent(Array.isArray(value) ? value.join("/") : (value ?? ""));
  });
  const successor = new URL(successorPath + url.search, url);
  const seconds = Math.floor(Date.parse(`${deprecation.since}T00:00:00Z`) / 1000);
  try {
    response.headers.set("deprecation", `@${seconds}`);
    response.headers.append("link", `<${successor.href}>; rel="successor-version"`);
  } catch {
    // Immutable headers (a fetch passthrough): served as it is.
  }
  return response;
}

function parseWith(schema: z.ZodType | undefined, value: unknown, what: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldErrorsFromIssues(result.error.issues);
  const first = Object.entries(fields)[0];
  throw new ValidationError(
    first ? `Invalid ${what}: ${first[0]}: ${first[1].join(" ")}` : `Invalid ${what}.`,
    fields,
  );
}

/** 413 naming the limit (the code stays VALIDATION_FAILED, as for evidence uploads). */
export class BodyTooLargeError extends AppError {
  constructor(readonly maxBytes: number) {
    super("VALIDATION_FAILED", 413, `The request body is larger than ${maxBytes} bytes.`);
  }
}

/**
 * The body as text, read chunk by chunk and abandoned as soon as it passes `maxBytes` (a
 * Content-Length above it is refused before reading anything), so an oversized body never sits
 * whole in memory or reaches JSON.parse.
 */
async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON.");
  }
}
