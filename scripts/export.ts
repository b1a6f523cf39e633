// Builds an evidence bundle from the command line (scheduled backups, auditors' requests), the
// same ZIP the exports page produces. Run through the launcher so the embedded database works:
//
//   npm run -s export -- --workspace <slug> --out <file.zip> [--systems id,id] [--domains k,k]
//                        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--no-files]
//
// The file appears under its name only when complete (written as <file>.partial, then renamed).
// `npm run -s export -- oscal …` writes the OSCAL documents instead (scripts/export-oscal.ts).
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { buildBundle } from "@/lib/server/exports/build-bundle";
import { exportScopeSchema } from "@/lib/validation/exports";

import { OSCAL_USAGE, OscalUsageError, runOscalExport } from "./export-oscal";

const USAGE = `usage: npm run -s export -- --workspace <slug> --out <file.zip> [options]

  --systems id,id       only these AI systems (default: all)
  --domains key,key     only these security domains (default: all)
  --from YYYY-MM-DD     evidence collected and audit events from this day
  --to YYYY-MM-DD       ... until this day (inclusive)
  --no-files            leave the evidence files out (metadata and hashes only)

${OSCAL_USAGE}`;

class UsageError extends Error {}

const list = (value: string | undefined) =>
  value
    ? value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

async function main(argv: string[]) {
  if (argv[0] === "oscal") return runOscalExport(argv.slice(1));
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: "string" },
      out: { type: "string" },
      systems: { type: "string" },
      domains: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "no-files": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return void process.stdout.write(USAGE);
  if (!values.workspace || !values.out) throw new UsageError("--workspace and --out are required");
  const parsed = exportScopeSchema.safeParse({
    systemIds: list(values.systems),
    domainKeys: list(values.domains),
    from: values.from,
    to: values.to,
    includeFiles: !values["no-files"],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? "scope")}: ${issue?.message ?? "invalid"}`);
  }
  const workspace = await db.workspace.findUnique({
    where: { slug: values.workspace },
    select: { id: true, name: true },
  });
  if (!workspace) throw new UsageError(`workspace "${values.workspace}" does not exist`);

  const label = `Command line (${os.userInfo().username}@${os.hostname()})`;
  await workspaceTransaction(workspace.id, "export (command line)", (tx) =>
    recordAuditEvent(tx, {
      workspaceId: workspace.id,
      actor: { type: "SYSTEM", label },
      action: "export.create",
      entityType: "Workspace",
      entityId: workspace.id,
      diff: { scope: parsed.data, via: "cli" },
    }),
  );
  const outputPath = path.resolve(values.out);
  const started = Date.now();
  let shown = -1;
  const result = await buildBundle({
    workspaceId: workspace.id,
    scope: parsed.data,
    generatedBy: label,
    destination: { filePath: outputPath },
    hooks: {
      onProgress: (percent) => {
        if (process.stderr.isTTY && percent !== shown) {
          shown = percent;
          process.stderr.write(`\rexporting… ${percent}%`);
        }
      },
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  const { counts } = result.manifest;
  process.stdout.write(
    `${outputPath}\n` +
      `  workspace ${workspace.name}: ${counts.systems} systems, ${counts.parts} parts, ${counts.evidence} evidence items (${counts.evidenceFiles} files), ${counts.gaps} gaps, ${counts.auditEvents} audit events\n` +
      `  ${result.bytes} bytes, SHA-256 ${result.sha256}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const issue of result.manifest.evidenceIssues)
    process.stderr.write(`  warning: evidence ${issue.evidenceId}: ${issue.problem}\n`);
}

main(process.argv.slice(2))
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    if (error instanceof OscalUsageError)
      process.stderr.write(`export: ${error.message}\n\n${OSCAL_USAGE}`);
    else if (error instanceof UsageError)
      process.stderr.write(`export: ${error.message}\n\n${USAGE}`);
    else if (error instanceof AppError) process.stderr.write(`export: ${error.message}\n`);
    else
      process.stderr.write(
        `export: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    await db.$disconnect().catch(() => undefined);
    process.exit(1);
  });
