import "server-only";

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { retryingTransaction } from "@/lib/db/transaction";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";
import { compareVersionsNewestFirst } from "@/lib/server/frameworks/framework-scope";
import { storeFrameworkVersion } from "@/lib/server/frameworks/store-framework-version";

/**
 * The folder under frameworks/ that holds the built-in crosswalks (lib/server/crosswalks), not a
 * framework; the framework seed and catalog skip it.
 */
export const CROSSWALKS_FOLDER = "crosswalks";

/** Where the built-in definitions live: `frameworks/<key>/<version>.yaml` (or .json). */
export function builtInFrameworksDirectory(): string {
  return path.join(process.cwd(), "frameworks");
}

export class BuiltInFrameworkSeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Built-in frameworks were not loaded:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "BuiltInFrameworkSeedError";
  }
}

export type BuiltInFrameworkFile = {
  /** Path relative to the working directory, for messages. */
  label: string;
  absolutePath: string;
  key: string;
  version: string;
  format: "yaml" | "json";
};

const EXTENSIONS: Record<string, "yaml" | "json"> = {
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
};

/** Every definition file under the directory, oldest version first per framework. */
export async function findBuiltInFrameworkFiles(
  directory: string,
): Promise<BuiltInFrameworkFile[]> {
  const files: BuiltInFrameworkFile[] = [];
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries
    .filter((e) => e.isDirectory() && e.name !== CROSSWALKS_FOLDER)
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(directory, entry.name);
    const found = (await readdir(folder))
      .map((name) => ({ name, format: EXTENSIONS[path.extname(name).toLowerCase()] }))
      .filter(
        (file): file is { name: string; format: "yaml" | "json" } => file.format !== undefined,
      )
      .map((file) => ({
        label: path.relative(process.cwd(), path.join(folder, file.name)),
        absolutePath: path.join(folder, file.name),
        key: entry.name,
        version: path.basename(file.name, path.extname(file.name)),
        format: file.format,
      }))
      // Oldest first, so a fresh database receives versions in release order.
      .sort((a, b) => compareVersionsNewestFirst(b.version, a.version));
    files.push(...found);
  }
  return files;
}

/**
 * Loads every built-in definition and stores it idempotently (run by the seed on every start):
 * an unchanged file does nothing, a file with a new version string adds a version, and a file whose
 * content differs from an already published version is refused, because published versions are
 * never modified. Every file is handled in its own transaction and all problems are reported
 * together; the files that were fine are still stored. Returns one report line per file.
 */
export async function seedBuiltInFrameworks({
  directory = builtInFrameworksDirectory(),
}: { directory?: string } = {}): Promise<string[]> {
  const report: string[] = [];
  const problems: string[] = [];
  for (const file of await findBuiltInFrameworkFiles(directory)) {
    const parsed = parseFrameworkDefinition(await readFile(file.absolutePath, "utf8"), file.format);
    if (!parsed.ok) {
      problems.push(
        `${file.label} is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
      );
      continue;
    }
    const { definition } = parsed;
    // The file name is what people see and edit; a mismatch means a copy-paste mistake.
    if (definition.key !== file.key || definition.version !== file.version) {
      problems.push(
        `${file.label} declares ${definition.key}@${definition.version}; ` +
          `it must live at frameworks/${definition.key}/${definition.version}.${file.format}`,
      );
      continue;
    }
    const ref = `${definition.key}@${definition.version}`;
    const outcome = await retryingTransaction("seedBuiltIns", (tx) =>
      storeFrameworkVersion(tx, { workspaceId: null, definition, importedById: null }),
    );
    if (outcome.status === "created") {
      report.push(
        `framework ${ref}: stored as a new ${outcome.frameworkCreated ? "framework" : "version"}`,
      );
    } else if (outcome.status === "unchanged") {
      report.push(`framework ${ref}: unchanged`);
    } else if (outcome.status === "conflict") {
      problems.push(
        `${file.label} differs from the published ${ref} (stored ${outcome.storedHash.slice(0, 12)}, ` +
          `file ${outcome.hash.slice(0, 12)}). Published versions are never modified: give the ` +
          `changed definition a new version and save it as a new file.`,
      );
    }
  }
  if (problems.length > 0) throw new BuiltInFrameworkSeedError(problems);
  return report;
}
