// Paths of evidence files inside the bundle: evidence/<group>/<id-short>-<name>. Readable (the
// system or vendor slug, the original file name) and safe: only [a-z0-9._-] survive, so no path
// traversal, no characters that need escaping in checksums.sha256, and no case-only clashes on
// case-insensitive file systems. The evidence id prefix keeps two files of the same name apart;
// a final uniqueness pass covers even colliding prefixes.

export function slugify(value: string, fallback: string): string {
  const slug = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || fallback;
}

export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const extension = dot > 0 ? base.slice(dot + 1) : "";
  const safeStem = slugify(stem, "file");
  const safeExtension = extension
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 10);
  return safeExtension ? `${safeStem}.${safeExtension}` : safeStem;
}

export type EvidencePathInput = { evidenceId: string; group: string; fileName: string };

/** Assigns each evidence file a unique path; same input order → same paths. */
export function assignEvidencePaths(items: readonly EvidencePathInput[]): Map<string, string> {
  const used = new Set<string>();
  const result = new Map<string, string>();
  for (const item of items) {
    const group = slugify(item.group, "unlinked");
    const short =
      item.evidenceId
        .replace(/[^a-zA-Z0-9]/g, "")
        .toLowerCase()
        .slice(-8) || "item";
    const name = sanitiseFileName(item.fileName);
    let candidate = `evidence/${group}/${short}-${name}`;
    for (let n = 2; used.has(candidate); n += 1)
      candidate = `evidence/${group}/${short}-${n}-${name}`;
    used.add(candidate);
    result.set(item.evidenceId, candidate);
  }
  return result;
}
