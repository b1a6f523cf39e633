import { fileExtension, sanitiseFileName } from "@/lib/evidence/file-name";
import { ACCEPTED_TYPES_TEXT, type EvidenceFileType } from "@/lib/evidence/sniff-content";

/**
 * What each sniffed type may be called and is served as. The name never decides the type; it
 * only has to agree with the content (an HTML page named report.pdf is refused by the sniffer,
 * a PNG named report.pdf is refused here) and picks the flavour of text (CSV, JSON, Markdown).
 */
const TYPE_TABLE: Record<
  EvidenceFileType,
  { label: string; extensions: string[]; contentType: string }
> = {
  pdf: { label: "PDF document", extensions: ["pdf"], contentType: "application/pdf" },
  png: { label: "PNG image", extensions: ["png"], contentType: "image/png" },
  jpeg: { label: "JPEG image", extensions: ["jpg", "jpeg"], contentType: "image/jpeg" },
  gif: { label: "GIF image", extensions: ["gif"], contentType: "image/gif" },
  webp: { label: "WebP image", extensions: ["webp"], contentType: "image/webp" },
  docx: {
    label: "Word document",
    extensions: ["docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  xlsx: {
    label: "Excel workbook",
    extensions: ["xlsx"],
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  pptx: {
    label: "PowerPoint presentation",
    extensions: ["pptx"],
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  },
  text: {
    label: "text file",
    extensions: ["txt", "text", "csv", "tsv", "json", "md", "markdown", "log", "yaml", "yml"],
    contentType: "text/plain; charset=utf-8",
  },
};

const TEXT_CONTENT_TYPES: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  tsv: "text/tab-separated-values; charset=utf-8",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
  yaml: "application/yaml; charset=utf-8",
  yml: "application/yaml; charset=utf-8",
};

export type ResolvedFileType =
  | { ok: true; type: EvidenceFileType; contentType: string; fileName: string }
  | { ok: false; problem: string };

/** Sanitises the name and checks it against the sniffed type; adds the usual extension if none. */
export function resolveFileType({
  fileName,
  type,
}: {
  fileName: string;
  type: EvidenceFileType;
}): ResolvedFileType {
  const entry = TYPE_TABLE[type];
  let name = sanitiseFileName(fileName);
  let extension = fileExtension(name);
  if (extension === "") {
    name = `${name}.${entry.extensions[0]}`;
    extension = entry.extensions[0]!;
  }
  if (!entry.extensions.includes(extension)) {
    const claimed = Object.values(TYPE_TABLE).find((candidate) =>
      candidate.extensions.includes(extension),
    );
    return {
      ok: false,
      problem: claimed
        ? `The file is named .${extension} (${claimed.label}) but its content is a ${entry.label}; rename it or upload the right file.`
        : `Files ending in .${extension} are not accepted; accepted: ${ACCEPTED_TYPES_TEXT}.`,
    };
  }
  const contentType =
    type === "text" ? (TEXT_CONTENT_TYPES[extension] ?? entry.contentType) : entry.contentType;
  return { ok: true, type, contentType, fileName: name };
}
