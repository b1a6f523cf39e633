import "server-only";

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { parseCrosswalk } from "@/lib/crosswalks/validate";
import {
  builtInCrosswalksDirectory,
  findBuiltInCrosswalkFiles,
} from "@/lib/server/crosswalks/seed-builtin-crosswalks";
import type { LicenceDocument } from "@/lib/server/frameworks/list-builtin-attributions";

export type CreditLine = {
  name: string;
  version: string;
  publisher: string;
  licenceName: string;
  spdx: string | null;
  attribution: string | null;
  sourceUrl: string;
  note: string | null;
};

export type CrosswalkAttribution = CreditLine & {
  key: string;
  versions: string[];
  catalogues: CreditLine[];
  provenance: CreditLine[];
  /** NOTICE.md first, then every licence and notice file shipped beside the crosswalk. */
  documents: LicenceDocument[];
};

/**
 * Credits of every built-in crosswalk, the standards it references and the mappings it was
 * derived through, with the licence and notice files shipped next to it. Read from the files
 * (not the database), so the public About page works before anyone signs in.
 */
export async function listCrosswalkAttributions({
  directory = builtInCrosswalksDirectory(),
}: { directory?: string } = {}): Promise<CrosswalkAttribution[]> {
  const files = await findBuiltInCrosswalkFiles(directory);
  const out: CrosswalkAttribution[] = [];
  for (const key of [...new Set(files.map((f) => f.key))]) {
    const own = files.filter((f) => f.key === key);
    const newest = own[own.length - 1];
    if (!newest) continue;
    const parsed = parseCrosswalk(await readFile(newest.absolutePath, "utf8"), "yaml");
    if (!parsed.ok) continue;
    const def = parsed.definition;
    const folder = path.dirname(newest.absolutePath);
    const names = (await readdir(folder))
      .filter((name) => /^(NOTICE|LICENSE)/.test(name))
      .sort((a, b) => (a === "NOTICE.md" ? -1 : b === "NOTICE.md" ? 1 : a.localeCompare(b)));
    const documents = await Promise.all(
      names.map(async (fileName) => ({
        fileName,
        text: await readFile(path.join(folder, fileName), "utf8"),
      })),
    );
    out.push({
      key: def.key,
      versions: own.map((f) => f.version),
      name: def.name,
      version: def.version,
      publisher: def.publisher,
      licenceName: def.license.name,
      spdx: def.license.spdx ?? null,
      attribution: def.license.attribution ?? null,
      sourceUrl: "",
      note: null,
      catalogues: def.catalogues.map((c) => ({
        name: c.name,
        version: c.version,
        publisher: c.publisher,
        licenceName: c.license.name,
        spdx: c.license.spdx ?? null,
        attribution: c.license.attribution ?? null,
        sourceUrl: c.source.url,
        note: c.note ?? null,
      })),
      provenance: (def.provenance ?? []).map((p) => ({
        name: p.name,
        version: p.version,
        publisher: p.publisher,
        licenceName: p.license.name,
        spdx: p.license.spdx ?? null,
        attribution: p.license.attribution ?? null,
        sourceUrl: p.source.url,
        note: null,
      })),
      documents,
    });
  }
  return out;
}
