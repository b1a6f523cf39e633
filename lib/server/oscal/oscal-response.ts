import "server-only";

import { contentDisposition } from "@/lib/evidence/file-name";
import type { OscalExport } from "@/lib/server/oscal/export-oscal";

/** The serialised bytes (the same as the command line writes), as an inline JSON download. */
export function oscalResponse(exported: OscalExport): Response {
  return new Response(exported.content, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": contentDisposition("inline", exported.fileName),
      "cache-control": "no-store",
    },
  });
}
