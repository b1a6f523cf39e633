// Framework catalog from the command line. Run through the launcher so it works with the embedded
// database as well as DATABASE_URL:
//
//   npm run -s framework -- list [--workspace <slug>]
//   npm run -s framework -- import <file> [--workspace <slug>]     (no --workspace: built-in)
//   npm run -s framework -- export <key>@<version> [--format json|yaml] [--workspace <slug>]
//   npm run -s framework -- diff <key>@<a> <key>@<b> [--workspace <slug>]
//
// `-s` keeps npm's own banner out of stdout, so `export … > file` writes only the definition.
// Errors go to stderr and the exit code is non-zero.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatFrameworkDiff } from "@/lib/frameworks/diff";
import { compareFrameworkVersions } from "@/lib/server/frameworks/compare-framework-versions";
import { exportFrameworkVersion } from "@/lib/server/frameworks/export-framework-version";
import { FrameworkDefinitionInvalidError } from "@/lib/server/frameworks/framework-import-source";
import { parseVersionRef } from "@/lib/server/frameworks/framework-scope";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";

const USAGE = `usage: npm run -s framework -- <command> [options]

  list                                  frameworks and their versions
  import <file>                         import a YAML or JSON definition
  export <key>@<version>                print a version's canonical definition
  diff <key>@<a> <key>@<b>              compare two versions of one framework

options:
  --workspace <slug>   act on that workspace's frameworks (default: the built-in catalog)
  --format json|yaml   export format (default json)
`;

class UsageError extends Error {}

function versionRef(value: string | undefined): { key: string; version: string } {
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

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: "string" },
      format: { type: "string", default: "json" },
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

  switch (command) {
    case "list": {
      const frameworks = await listFrameworks({ workspaceId });
      if (frameworks.length === 0) out("No frameworks.\n");
      for (const framework of frameworks) {
        const scope = framework.builtIn ? "built-in" : "workspace";
        const versions = framework.versions.map((v) => v.version).join(", ");
        out(
          `${framework.key}  ${framework.name} (${scope}; ${framework.publisher})  versions: ${versions}\n`,
        );
      }
      return;
    }
    case "import": {
      const file = args[0];
      if (!file) throw new UsageError("import needs a file");
      // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
      const absolute = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
      const content = await readFile(absolute, "utf8");
      const format = path.extname(absolute).toLowerCase() === ".json" ? "json" : "yaml";
      const target =
        workspaceId === null
          ? { workspaceId: null }
          : {
              workspaceId,
              // The operator has shell access to the server, so acts with full rights.
              role: "OWNER",
              actor: { type: "SYSTEM" as const, label: "Command line" },
            };
      const result = await importFramework({ target, source: { content, format } });
      const where = result.builtIn ? "built-in catalog" : `workspace ${values.workspace}`;
      out(
        result.status === "unchanged"
          ? `${result.key}@${result.version} is already in the ${where} with the same content; nothing changed.\n`
          : `Imported ${result.key}@${result.version} (${result.name}) into the ${where}: ` +
              `${result.columns} columns, ${result.rows} rows, ${result.cells} cells` +
              `${result.frameworkCreated ? " (new framework)" : ""}.\n`,
      );
      return;
    }
    case "export": {
      const ref = versionRef(args[0]);
      if (values.format !== "json" && values.format !== "yaml") {
        throw new UsageError(`--format must be json or yaml, got "${values.format}"`);
      }
      const exported = await exportFrameworkVersion({ workspaceId, ...ref, format: values.format });
      out(exported.content);
      return;
    }
    case "diff": {
      const a = versionRef(args[0]);
      const b = versionRef(args[1]);
      if (a.key !== b.key) throw new UsageError("diff compares two versions of the same framework");
      const comparison = await compareFrameworkVersions({
        workspaceId,
        key: a.key,
        from: a.version,
        to: b.version,
      });
      out(
        formatFrameworkDiff(comparison.diff, {
          from: `${a.key}@${a.version}`,
          to: `${b.key}@${b.version}`,
        }),
      );
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function describe(error: unknown): string {
  if (error instanceof FrameworkDefinitionInvalidError) {
    return [
      "The definition is invalid:",
      ...error.errors.map((e) => `  ${e.path}: ${e.message}`),
      "Nothing was imported.",
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
    process.stderr.write(`framework: ${describe(error)}\n`);
    await db.$disconnect().catch(() => undefined);
    process.exitCode = 1;
  });
