// Crosswalks from the command line (docs/crosswalk-format.md). Run through the launcher so it works
// with the embedded database as well as DATABASE_URL:
//
//   npm run -s crosswalk -- list [--workspace <slug>]
//   npm run -s crosswalk -- import <file> [--workspace <slug>]      (no --workspace: built-in)
//   npm run -s crosswalk -- validate <file> [--workspace <slug>]    (checks only, writes nothing)
//   npm run -s crosswalk -- export <key>@<version> [--format json|yaml] [--workspace <slug>]
//   npm run -s crosswalk -- diff <key>@<a> <key>@<b> [--workspace <slug>]
//   npm run -s crosswalk -- coverage --workspace <slug> [--catalogue <key>]
//
// Errors go to stderr (every problem of a refused file, one per line) and the exit code is 1.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { formatCrosswalkDiff } from "@/lib/crosswalks/diff";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { compareCrosswalkVersions } from "@/lib/server/crosswalks/compare-crosswalk-versions";
import { CrosswalkInvalidError } from "@/lib/server/crosswalks/crosswalk-import-source";
import { exportCrosswalkVersion } from "@/lib/server/crosswalks/get-crosswalk-version";
import { importCrosswalk } from "@/lib/server/crosswalks/import-crosswalk";
import { listCrosswalks } from "@/lib/server/crosswalks/list-crosswalks";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";
import { parseVersionRef } from "@/lib/server/frameworks/framework-scope";
import { formatCatalogueCoverage } from "@/lib/view/crosswalks/references";

const USAGE = `usage: npm run -s crosswalk -- <command> [options]

  list                          crosswalks and their versions
  import <file>                 import a YAML or JSON crosswalk
  validate <file>               check a file against the app's frameworks; write nothing
  export <key>@<version>        print a version's canonical file
  diff <key>@<a> <key>@<b>      the edges added, removed and changed between two versions
  coverage                      a workspace's coverage by external reference (needs --workspace)

options:
  --workspace <slug>   act on that workspace (default: the built-in catalog)
  --format json|yaml   export format (default yaml)
  --catalogue <key>    coverage of one catalogue only (e.g. owasp-llm-top10)
`;

class UsageError extends Error {}

function versionRef(value: string | undefined) {
  const ref = value === undefined ? null : parseVersionRef(value);
  if (!ref) throw new UsageError(`expected <key>@<version>, got "${value ?? ""}"`);
  return ref;
}

async function workspaceIdFor(slug: string | undefined): Promise<string | null> {
  if (slug === undefined) return null;
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!workspace) throw new UsageError(`workspace "${slug}" does not exist`);
  return workspace.id;
}

async function readSource(file: string | undefined) {
  if (!file) throw new UsageError("a file is needed");
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const absolute = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const format = path.extname(absolute).toLowerCase() === ".json" ? "json" : "yaml";
  return { content: await readFile(absolute, "utf8"), format } as const;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: "string" },
      format: { type: "string", default: "yaml" },
      catalogue: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return;
  }
  const workspaceId = await workspaceIdFor(values.workspace);
  const out = (text: string) => process.stdout.write(text);
  const target =
    workspaceId === null
      ? { workspaceId: null }
      : {
          workspaceId,
          // The operator has shell access to the server, so acts with full rights.
          role: "OWNER",
          actor: { type: "SYSTEM" as const, label: "Command line" },
        };

  switch (command) {
    case "list": {
      const crosswalks = await listCrosswalks({ workspaceId });
      if (crosswalks.length === 0) out("No crosswalks.\n");
      for (const c of crosswalks) {
        const versions = c.versions.map((v) => v.version).join(", ");
        out(
          `${c.key}  ${c.name} (${c.builtIn ? "built-in" : "workspace"})  versions: ${versions}\n`,
        );
      }
      return;
    }
    case "import":
    case "validate": {
      const result = await importCrosswalk({
        target,
        source: await readSource(args[0]),
        dryRun: command === "validate",
      });
      const ref = `${result.key}@${result.version}`;
      const counts =
        `${result.edges} edges (${result.derivedEdges} derived), ` +
        `${result.catalogues.length} catalogues, sources ${result.sources.join(", ")}`;
      if (result.status === "valid") out(`${ref} is valid: ${counts}. Nothing was written.\n`);
      else if (result.status === "unchanged")
        out(`${ref} is already stored with the same content; nothing changed.\n`);
      else out(`Imported ${ref}: ${counts}.\n`);
      return;
    }
    case "export": {
      const ref = versionRef(args[0]);
      if (values.format !== "json" && values.format !== "yaml") {
        throw new UsageError(`--format must be json or yaml, got "${values.format}"`);
      }
      out((await exportCrosswalkVersion({ workspaceId, ...ref, format: values.format })).content);
      return;
    }
    case "diff": {
      const a = versionRef(args[0]);
      const b = versionRef(args[1]);
      if (a.key !== b.key) throw new UsageError("diff compares two versions of one crosswalk");
      const { diff } = await compareCrosswalkVersions({
        workspaceId,
        key: a.key,
        from: a.version,
        to: b.version,
      });
      out(
        formatCrosswalkDiff(diff, { from: `${a.key}@${a.version}`, to: `${b.key}@${b.version}` }),
      );
      return;
    }
    case "coverage": {
      if (workspaceId === null) throw new UsageError("coverage needs --workspace <slug>");
      const report = await loadReferenceCoverage({ workspaceId, catalogue: values.catalogue });
      if (report.catalogues.length === 0) out("No catalogue.\n");
      for (const catalogue of report.catalogues) out(formatCatalogueCoverage(catalogue));
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function describe(error: unknown): string {
  if (error instanceof CrosswalkInvalidError) {
    return [
      `The crosswalk is invalid (${error.errors.length} problem${error.errors.length === 1 ? "" : "s"}):`,
      ...error.errors.map((e) => `  ${e.path}: ${e.message}`),
      "Nothing was written.",
    ].join("\n");
  }
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  if (error instanceof AppError) return error.message;
  if (error instanceof Error && "code" in error && error.code === "ENOENT") return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main(process.argv.slice(2))
  .then(async () => {
    await db.$disconnect();
    process.exitCode = 0;
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`crosswalk: ${describe(error)}\n`);
    await db.$disconnect().catch(() => undefined);
    process.exitCode = 1;
  });
