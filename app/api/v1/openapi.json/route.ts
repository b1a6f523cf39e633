import { appUrl } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/server/api/openapi-document";
import { API_ROUTE_SPECS } from "@/lib/server/api/route-specs";

// Public: the document describes the API, it holds no workspace data.
export function GET() {
  return Response.json(buildOpenApiDocument({ specs: API_ROUTE_SPECS, serverUrl: appUrl() }), {
    headers: { "cache-control": "no-store" },
  });
}
