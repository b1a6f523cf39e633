// Builds the built-in crosswalk frameworks/crosswalks/<key>/<version>.yaml and copies the licences
// it needs, from the openly licensed inputs in ../shared/standards and our own authored files in
// scripts/crosswalk/authored/. The app never reads ../shared; this script is how its converted
// copy is made, so the derivation can be repeated and reviewed.
//
//   npm run -s crosswalk:build -- [--standards <dir>] [--check]
//
// --standards  the shared standards folder (default: ../shared/standards next to the repository,
//              or next to its parent for a git worktree)
// --check      write nothing; exit 1 if the committed files differ from what the build produces
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { parse } from "yaml";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import { CROSSWALK_FORMAT } from "@/lib/crosswalks/schema";
import { serializeCrosswalk } from "@/lib/crosswalks/serialize";
import { validateCrosswalk } from "@/lib/crosswalks/validate";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";

import { buildCatalogues, type CatalogueMeta, type Paraphrases } from "./catalogues";
import { type AuthoredEdges, type Bridges, deriveEdges } from "./derive-edges";
import { LICENCE_COPIES, readStandards } from "./read-standards";

const REPO = path.resolve(import.meta.dirname, "../..");
const AUTHORED = path.join(import.meta.dirname, "authored");

export type BuiltFile = { path: string; content: string };

async function authored<T>(name: string): Promise<T> {
  return parse(await readFile(path.join(AUTHORED, name), "utf8"), { schema: "core" }) as T;
}

export function findStandardsDirectory(given?: string): string {
  const candidates = given
    ? [path.resolve(given)]
    : [path.resolve(REPO, "../shared/standards"), path.resolve(REPO, "../../shared/standards")];
  const found = candidates.find((dir) => existsSync(path.join(dir, "README.md")));
  if (!found) {
    throw new Error(
      `standards folder not found (looked in ${candidates.join(", ")}); pass --standards`,
    );
  }
  return found;
}

/** The source frameworks' rows, read from the app's own shipped definitions. */
async function sourceRows(sources: { framework: string; version: string }[]) {
  const rows = new Map<string, string[]>();
  for (const source of sources) {
    const file = path.join(REPO, "frameworks", source.framework, `${source.version}.yaml`);
    const parsed = parseFrameworkDefinition(await readFile(file, "utf8"), "yaml");
    if (!parsed.ok) throw new Error(`${file} is not a valid framework definition`);
    rows.set(
      source.framework,
      parsed.definition.rows.map((row) => row.key),
    );
  }
  return rows;
}

/** Everything the build writes: the crosswalk file and the licence copies, with their paths. */
export async function buildCrosswalkFiles(standardsDir: string): Promise<BuiltFile[]> {
  const top = await authored<{
    crosswalk: Omit<CrosswalkDefinition, "format" | "provenance" | "catalogues" | "edges">;
    provenance: CrosswalkDefinition["provenance"];
    catalogues: CatalogueMeta[];
  }>("crosswalk.yaml");
  const standards = await readStandards(standardsDir);
  const catalogues = buildCatalogues({
    meta: top.catalogues,
    standards,
    iso: await authored<Paraphrases>("iso-42001-annex-a.yaml"),
    rmf: await authored<Paraphrases>("nist-ai-rmf.yaml"),
  });
  const rows = await sourceRows(top.crosswalk.sources);
  const frameworkOfRow = new Map(
    [...rows].flatMap(([framework, keys]) => keys.map((row) => [row, framework] as const)),
  );
  const edges = deriveEdges({
    standards,
    bridges: await authored<Bridges>("bridges.yaml"),
    authored: await authored<AuthoredEdges>("edges.yaml"),
    catalogues,
    frameworkOfRow,
  });
  const definition = {
    format: CROSSWALK_FORMAT,
    ...top.crosswalk,
    provenance: top.provenance,
    catalogues,
    edges,
  };
  const checked = validateCrosswalk(definition, (framework, version) => {
    const source = top.crosswalk.sources.find((s) => s.framework === framework);
    return source?.version === version ? (rows.get(framework) ?? null) : null;
  });
  if (!checked.ok) {
    const list = checked.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n");
    throw new Error(`the built crosswalk is invalid:\n${list}`);
  }
  const folder = path.join("frameworks", "crosswalks", checked.definition.key);
  const files: BuiltFile[] = [
    {
      path: path.join(folder, `${checked.definition.version}.yaml`),
      content: serializeCrosswalk(checked.definition, "yaml"),
    },
  ];
  for (const copy of LICENCE_COPIES) {
    files.push({
      path: path.join(folder, copy.to),
      content: await readFile(path.join(standardsDir, copy.from), "utf8"),
    });
  }
  return files;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { standards: { type: "string" }, check: { type: "boolean", default: false } },
  });
  const files = await buildCrosswalkFiles(findStandardsDirectory(values.standards));
  const stale: string[] = [];
  for (const file of files) {
    const absolute = path.join(REPO, file.path);
    const current = existsSync(absolute) ? await readFile(absolute, "utf8") : null;
    if (current === file.content) continue;
    if (values.check) {
      stale.push(file.path);
      continue;
    }
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, file.content);
    process.stdout.write(`wrote ${file.path}\n`);
  }
  if (stale.length > 0) {
    throw new Error(`out of date (run npm run crosswalk:build): ${stale.join(", ")}`);
  }
  if (values.check) process.stdout.write("crosswalk files are up to date\n");
}

// Run only as a script, so tests can import buildCrosswalkFiles.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    process.stderr.write(`crosswalk:build: ${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 1;
  });
}
