/**
 * Recognises evidence files by their CONTENT (magic bytes), never by their name, for exactly the
 * allow-list below. Small and explicit on purpose: we must also classify plain text and refuse
 * markup, which generic detectors do not do, and every accepted type is one we can name.
 *
 * The caller passes the first bytes of the upload (SNIFF_HEAD_BYTES, or the whole file when it is
 * smaller, then `complete` is true). Text is checked further while the rest streams
 * (content-check-stream.ts), because only the whole file can prove it is valid UTF-8.
 */

export const SNIFF_HEAD_BYTES = 64 * 1024;

export type EvidenceFileType =
  "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx" | "pptx" | "text";

export type SniffResult = { ok: true; type: EvidenceFileType } | { ok: false; problem: string };

export const ACCEPTED_TYPES_TEXT =
  "PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint (.docx/.xlsx/.pptx), plain text, CSV, JSON or Markdown";

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, index) => bytes[offset + index] === value);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

// Binary formats people commonly mistake for documents: named in the refusal so it is clear.
const KNOWN_REFUSED: readonly { signature: number[]; name: string }[] = [
  { signature: ascii("MZ"), name: "a Windows executable" },
  { signature: [0x7f, 0x45, 0x4c, 0x46], name: "an ELF executable" },
  { signature: [0x1f, 0x8b], name: "a gzip archive" },
  { signature: ascii("Rar!"), name: "a RAR archive" },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], name: "a 7-Zip archive" },
  { signature: [0xd0, 0xcf, 0x11, 0xe0], name: "a legacy Office (OLE) document" },
];

export function sniffContent(head: Uint8Array, { complete }: { complete: boolean }): SniffResult {
  if (head.length === 0) return { ok: false, problem: "The file is empty." };
  if (startsWith(head, PDF)) return { ok: true, type: "pdf" };
  if (startsWith(head, PNG)) return { ok: true, type: "png" };
  if (startsWith(head, JPEG)) return { ok: true, type: "jpeg" };
  if (startsWith(head, GIF87) || startsWith(head, GIF89)) return { ok: true, type: "gif" };
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return { ok: true, type: "webp" };
  if (startsWith(head, ZIP_LOCAL_HEADER)) return sniffOfficeZip(head);
  const known = KNOWN_REFUSED.find((entry) => startsWith(head, entry.signature));
  if (known) {
    return {
      ok: false,
      problem: `The file's content is ${known.name}, which is not accepted (${ACCEPTED_TYPES_TEXT}).`,
    };
  }
  return sniffText(head, { complete });
}

/**
 * OOXML documents are ZIP archives with a `[Content_Types].xml` entry and their parts under
 * word/, xl/ or ppt/. Office writes these small entries first, so their local headers sit in the
 * head; we read the entry names from every local-header signature found there.
 */
function sniffOfficeZip(head: Uint8Array): SniffResult {
  const names = zipEntryNames(head);
  if (names.includes("[Content_Types].xml")) {
    if (names.some((name) => name.startsWith("word/"))) return { ok: true, type: "docx" };
    if (names.some((name) => name.startsWith("xl/"))) return { ok: true, type: "xlsx" };
    if (names.some((name) => name.startsWith("ppt/"))) return { ok: true, type: "pptx" };
  }
  return {
    ok: false,
    problem:
      "The file is a ZIP archive but not a Word, Excel or PowerPoint document; other archives are not accepted.",
  };
}

export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let index = 0; index + 30 <= bytes.length; index += 1) {
    if (!startsWith(bytes, ZIP_LOCAL_HEADER, index)) continue;
    const nameLength = view.getUint16(index + 26, true);
    const end = index + 30 + nameLength;
    if (nameLength === 0 || end > bytes.length) continue;
    names.push(new TextDecoder("latin1").decode(bytes.subarray(index + 30, end)));
    index = end - 1;
  }
  return names;
}

// Markup a browser could render or run. Legacy content sniffing looks at the first 512 bytes
// for these tags, so they are refused both at the start and anywhere early in the file.
const MARKUP_START =
  /^<(?:!doctype\s+html|html|head|body|svg|script|iframe|object|embed|\?xml|!--)/i;
const EARLY_DANGEROUS_TAG = /<(?:script|html|svg|iframe|object|embed)[\s/>]/i;
const BROWSER_SNIFF_WINDOW = 1024;

function sniffText(head: Uint8Array, { complete }: { complete: boolean }): SniffResult {
  const notText = `The file's content is not one of the accepted types (${ACCEPTED_TYPES_TEXT}).`;
  if (head.includes(0))
    return { ok: false, problem: `${notText} It contains binary data (NUL bytes).` };
  let text: string;
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of an incomplete head.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return { ok: false, problem: `${notText} It is not valid UTF-8 text.` };
  }
  const markupProblem = findMarkup(text);
  return markupProblem ? { ok: false, problem: markupProblem } : { ok: true, type: "text" };
}

/** Exported for tests and for naming the problem in messages. */
export function findMarkup(text: string): string | null {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  const start = MARKUP_START.exec(trimmed);
  if (start) {
    return `The file's content looks like HTML, SVG or XML markup (it starts with "${start[0]}"); markup files are not accepted.`;
  }
  const early = EARLY_DANGEROUS_TAG.exec(trimmed.slice(0, BROWSER_SNIFF_WINDOW));
  if (early) {
    return `The file's content contains HTML/SVG markup ("${early[0].trim()}") near its start; markup files are not accepted.`;
  }
  return null;
}
