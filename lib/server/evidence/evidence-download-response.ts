import "server-only";

import { Readable } from "node:stream";

import { attachmentContentDisposition } from "@/lib/evidence/file-name";
import type { EvidenceDownload } from "@/lib/server/evidence/open-evidence-download";

/**
 * The HTTP answer for an evidence file, shared by the API and the signed-in download route.
 * Uploaded bytes must never run in the app's origin: always an attachment, no MIME sniffing, and a
 * sandboxing CSP in case a browser renders it anyway. Content-Length plus the held-back last chunk
 * (verifying-stream.ts) make an integrity failure a visibly broken download.
 */
export function evidenceDownloadResponse(download: EvidenceDownload): Response {
  const body = Readable.toWeb(download.stream) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": download.contentType,
      "content-length": String(download.sizeBytes),
      "content-disposition": attachmentContentDisposition(download.fileName),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, no-store",
      // RFC 9530: lets clients check the bytes themselves.
      "repr-digest": `sha-256=:${Buffer.from(download.sha256, "hex").toString("base64")}:`,
    },
  });
}
