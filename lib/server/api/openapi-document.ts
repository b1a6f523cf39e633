import { z } from "zod";

import { type ApiRouteSpec, DEFAULT_MAX_BODY_BYTES } from "@/lib/server/api/spec";

// OpenAPI 3.1 (whose schemas are JSON Schema 2020-12, what z.toJSONSchema emits) built from the
// route specs. Schemas with `.meta({ id })` become named components.

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "VALIDATION_FAILED",
        "UNAUTHORIZED",
        "FORBIDDEN",
        "NOT_FOUND",
        "CONFLICT",
        "RATE_LIMITED",
        "UNAVAILABLE",
        "INTERNAL",
      ]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .describe(
          "Context for the client, e.g. `loss` (hash and parts) on a 409 that asks to confirm removed duties",
        ),
    }),
  })
  .meta({ id: "Error" });

type JsonSchema = Record<string, unknown>;

function toSchema(
  schema: z.ZodType,
  io: "input" | "output",
  components: Record<string, JsonSchema>,
): JsonSchema {
  // Named schemas (.meta({ id })) come back as $defs with $refs to them; point those refs at
  // the document's components and move the definitions there.
  const generated = z.toJSONSchema(schema, { io, unrepresentable: "any", reused: "inline" });
  const json = JSON.parse(
    JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as JsonSchema;
  const { $schema: _ignored, $defs, ...rest } = json;
  void _ignored;
  Object.assign(components, ($defs as Record<string, JsonSchema> | undefined) ?? {});
  return rest;
}

function parameters(
  schema: z.ZodType | undefined,
  location: "path" | "query",
  components: Record<string, JsonSchema>,
) {
  if (!schema) return [];
  const json = toSchema(schema, "input", components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    schema: property,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

const ERROR_STATUSES: Record<string, string> = {
  "400": "Invalid input; `error.fields` names the fields.",
  "401": "Missing, unknown, revoked or expired token.",
  "403": "The token's role does not allow this.",
  "404": "Not found in this token's workspace.",
  "503": "The database is unreachable for a moment; retry after the seconds in `Retry-After`.",
};

const DEPRECATION_HEADERS = {
  Deprecation: {
    description: "RFC 9745: when this path was deprecated (`@` and Unix seconds).",
    schema: { type: "string" },
  },
  Link: {
    description: 'The successor: `<url>; rel="successor-version"`.',
    schema: { type: "string" },
  },
};

/** The spec's description; a deprecated path's names its successor first. */
function describe(spec: ApiRouteSpec): string | undefined {
  if (!spec.deprecated) return spec.description;
  const notice = `Deprecated since ${spec.deprecated.since}: use ${spec.method} ${spec.deprecated.successor} instead. This path keeps working for one more API version; its answers carry \`Deprecation\` and \`Link\` headers.`;
  return spec.description ? `${notice}\n\n${spec.description}` : notice;
}

export function buildOpenApiDocument({
  specs,
  serverUrl,
}: {
  specs: readonly ApiRouteSpec[];
  serverUrl: string;
}) {
  const components: Record<string, JsonSchema> = {};
  const errorRef = toSchema(errorSchema, "output", components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const status = String(spec.successStatus ?? 200);
    const operation = {
      operationId: `${spec.method.toLowerCase()}${spec.path.replace(/\/api\/v1/, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      summary: spec.summary,
      ...(describe(spec) ? { description: describe(spec) } : {}),
      ...(spec.deprecated ? { deprecated: true } : {}),
      tags: [spec.tag],
      "x-permission": spec.permission,
      parameters: [
        ...parameters(spec.params, "path", components),
        ...parameters(spec.query, "query", components),
      ],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: toSchema(spec.body, "input", components) } },
            },
          }
        : {}),
      responses: {
        [status]: {
          description: spec.download ? "The file" : "Success",
          ...(spec.deprecated ? { headers: DEPRECATION_HEADERS } : {}),
          content: spec.download
            ? Object.fromEntries(
                spec.download.contentTypes.map((type) => [
                  type,
                  { schema: { type: "string", format: "binary" } },
                ]),
              )
            : { "application/json": { schema: toSchema(spec.response, "output", components) } },
        },
        ...Object.fromEntries(
          Object.entries({
            ...ERROR_STATUSES,
            ...(spec.body
              ? {
                  "413": `The body is larger than ${spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes.`,
                }
              : {}),
          }).map(([code, description]) => [
            code,
            { description, content: { "application/json": { schema: errorRef } } },
          ]),
        ),
      },
    };
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "AI SRM Workspace API",
      version: "1",
      description:
        "Workspace-scoped REST API. Authenticate with a workspace API token: `Authorization: Bearer srm_…`. The token decides the workspace and the role.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerToken: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "Workspace API token" },
      },
      schemas: components,
    },
    paths,
  };
}
