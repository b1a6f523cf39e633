import "server-only";

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { parseCrosswalk } from "@/lib/crosswalks/validate";
import { retryingTransaction } from "@/lib/db/transaction";
import { checkCatalogueVersions } from "@/lib/server/crosswalks/check-catalogue-versions";
import { crosswalkSourcesFor } from "@/lib/server/crosswalks/crosswalk-sources";
import {
  type StoreCrosswalkOutcome,
  storeCrosswalkVersion,
} from "@/lib/server/crosswalks/store-crosswalk-version";
import { compareVersionsNewestFirst } from "@/lib/server/frameworks/framework-scope";
import {
  builtInFrameworksDirectory,
  CROSSWALKS_FOLDER,
} from "@/lib/server/frameworks/seed-builtins";

export function builtInCrosswalksDirectory(): string {
  return path.join(builtInFrameworksDirectory(), CROSSWALKS_FOLDER);
}

export type BuiltInCrosswalkFile = {
  label: string;
  absolutePath: string;
  key: string;
  version: string;
};

/** `frameworks/crosswalks/<key>/<version>.yaml`, oldest version first per crosswalk. */
export async function findBuiltInCrosswalkFiles(
  directory = builtInCrosswalksDirectory(),
): Promise<BuiltInCrosswalkFile[]> {
  const files: BuiltInCrosswalkFile[] = [];
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(directory, entry.name);
    const found = (await readdir(folder))
      .filter((name) => path.extname(name) === ".yaml")
      .map((name) => ({
        label: path.relative(process.cwd(), path.join(folder, name)),
        absolutePath: path.join(folder, name),
        key: entry.name,
        version: path.basename(name, ".yaml"),
      }))
      .sort((a, b) => compareVersionsNewestFirst(b.version, a.version));
    files.push(...found);
  }
  return files;
}

export class BuiltInCrosswalkSeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Built-in crosswalks were not loaded:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "BuiltInCrosswalkSeedError";
  }
}

/**
 * Loads every built-in crosswalk idempotently, after the built-in frameworks (it is checked
 * against them): an unchanged file does nothing, a new version string adds a version, and a file
 * that differs from a published version is refused. Each file in its own transaction.
 */
export async function seedBuiltInCrosswalks({
  directory = builtInCrosswalksDirectory(),
}: { directory?: string } = {}): Promise<string[]> {
  const report: string[] = [];
  const problems: string[] = [];
  for (const file of await findBuiltInCrosswalkFiles(directory)) {
    const text = await readFile(file.absolutePath, "utf8");
    type Outcome = { problem: string } | { stored: StoreCrosswalkOutcome };
    const outcome = await retryingTransaction("seedCrosswalk", async (tx): Promise<Outcome> => {
      const parsed = parseCrosswalk(text, "yaml", await crosswalkSourcesFor(tx, null));
      if (!parsed.ok) {
        return {
          problem: `${file.label} is invalid: ${parsed.errors
            .slice(0, 5)
            .map((e) => `${e.path}: ${e.message}`)
            .join("; ")}`,
        };
      }
      const { definition } = parsed;
      if (definition.key !== file.key || definition.version !== file.version) {
        return {
          problem:
            `${file.label} declares ${definition.key}@${definition.version}; it must live at ` +
            `frameworks/crosswalks/${definition.key}/${definition.version}.yaml`,
        };
      }
      const clashes = await checkCatalogueVersions(tx, null, definition);
      if (clashes[0])
        return { problem: `${file.label}: ${clashes[0].path}: ${clashes[0].message}` };
      return {
        stored: await storeCrosswalkVersion(tx, {
          workspaceId: null,
          definition,
          importedById: null,
        }),
      };
    });
    const ref = `${file.key}@${file.version}`;
    if ("problem" in outcome) problems.push(outcome.problem);
    else if (outcome.stored.status === "created") report.push(`crosswalk ${ref}: stored`);
    else if (outcome.stored.status === "unchanged") report.push(`crosswalk ${ref}: unchanged`);
    else if (outcome.stored.status === "conflict") {
      problems.push(
        `${file.label} differs from the published ${ref}. Published versions are never modified: ` +
          "give the changed crosswalk a new version and save it as a new file.",
      );
    }
  }
  if (problems.length > 0) throw new BuiltInCrosswalkSeedError(problems);
  return report;
}
