/**
 * File names come from the uploader and end up in Content-Disposition headers, bundle paths and
 * the UI, so they are reduced to one safe display name: no directories, no control or bidi
 * characters, no leading dots (hidden files), no characters Windows refuses, bounded length.
 */

export const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK_NAME = "evidence";

// C0/C1 controls and DEL; bidi overrides and isolates (they can make "exe.pdf" read as "fdp.exe").
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WINDOWS_RESERVED_CHARS = /[<>:"|?*]/g;
const WINDOWS_RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function sanitiseFileName(raw: string | null | undefined): string {
  let name = (raw ?? "").normalize("NFC");
  // Browsers and tools send full paths now and then ("C:\\fakepath\\x.pdf"): keep the last part.
  name = name.split(/[/\\]/).pop() ?? "";
  // Line breaks and tabs separate words: keep them as a space; every other control goes.
  name = name
    .replace(/[\t\n\r]/g, " ")
    .replace(CONTROL_CHARS, "")
    .replace(WINDOWS_RESERVED_CHARS, "_");
  name = name.replace(/\s+/g, " ").trim();
  name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (WINDOWS_RESERVED_NAMES.test(name)) name = `_${name}`;
  name = truncateKeepingExtension(name, MAX_FILE_NAME_LENGTH);
  return name === "" ? FALLBACK_NAME : name;
}

/** Lower-case extension without the dot, or "" when the name has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return "";
  return name.slice(dot + 1).toLowerCase();
}

function truncateKeepingExtension(name: string, max: number): string {
  const characters = [...name]; // by code point, so a surrogate pair is never split
  if (characters.length <= max) return name;
  const extension = fileExtension(name);
  const suffix = extension && extension.length <= 10 ? `.${extension}` : "";
  return (
    characters
      .slice(0, max - suffix.length)
      .join("")
      .trimEnd() + suffix
  );
}

/**
 * `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 8187). The name is
 * sanitised again here, so a caller can never put a quote or a line break into the header.
 */
export function attachmentContentDisposition(fileName: string): string {
  return contentDisposition("attachment", fileName);
}

/** The same, for `inline` answers (e.g. a framework file shown in the browser). */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const safe = sanitiseFileName(fileName);
  const asciiFallback = safe
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
