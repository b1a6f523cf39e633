import "server-only";

/**
 * JSON answer of the registry API routes. Their bodies hold Dates (serialised as ISO 8601 by
 * JSON.stringify), which the documented response schemas describe as strings.
 */
export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
