import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

import { parseFrameworkDefinition } from "@/lib/frameworks/validate";
import {
  builtInFrameworksDirectory,
  findBuiltInFrameworkFiles,
} from "@/lib/server/frameworks/seed-builtins";

export type LicenceDocument = { fileName: string; text: string };

export type BuiltInAttribution = {
  key: string;
  name: string;
  publisher: string;
  versions: string[];
  attribution: string | null;
  licenceName: string;
  spdx: string | null;
  licenceUrl: string | null;
  sourceUrl: string;
  sourceReference: string | null;
  /** The licence file named by the definition, then NOTICE.md when it is a different file. */
  documents: LicenceDocument[];
};

async function readInside(folder: string, fileName: string): Promise<LicenceDocument | null> {
  const target = path.resolve(folder, fileName);
  // A definition names its notice file; never follow it outside the framework's own folder.
  if (path.dirname(target) !== path.resolve(folder)) return null;
  try {
    return { fileName, text: await readFile(target, "utf8") };
  } catch {
    return null;
  }
}

/**
 * Attribution and licence text of every built-in framework, read from the shipped files (not the
 * database), so the public About page works before anyone signs in and always matches the files.
 */
export async function listBuiltInAttributions({
  directory = builtInFrameworksDirectory(),
}: { directory?: string } = {}): Promise<BuiltInAttribution[]> {
  const files = await findBuiltInFrameworkFiles(directory);
  const keys = [...new Set(files.map((file) => file.key))];
  const out: BuiltInAttribution[] = [];
  for (const key of keys) {
    const own = files.filter((file) => file.key === key);
    const newest = own[own.length - 1];
    if (!newest) continue;
    const parsed = parseFrameworkDefinition(
      await readFile(newest.absolutePath, "utf8"),
      newest.format,
    );
    if (!parsed.ok) continue;
    const def = parsed.definition;
    const folder = path.dirname(newest.absolutePath);
    const names = [def.license.noticeFile, "NOTICE.md"].filter(
      (name, index, all): name is string => Boolean(name) && all.indexOf(name) === index,
    );
    const documents = (await Promise.all(names.map((name) => readInside(folder, name)))).filter(
      (doc): doc is LicenceDocument => doc !== null,
    );
    out.push({
      key: def.key,
      name: def.name,
      publisher: def.publisher,
      versions: own.map((file) => file.version),
      attribution: def.license.attribution ?? null,
      licenceName: def.license.name,
      spdx: def.license.spdx ?? null,
      licenceUrl: def.license.url ?? null,
      sourceUrl: def.source.url,
      sourceReference: def.source.reference ?? null,
      documents,
    });
  }
  return out;
}
