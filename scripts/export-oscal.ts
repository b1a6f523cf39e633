// `npm run -s export -- oscal <ssp|catalog|mapping> …`: the OSCAL 1.2.1 documents of
// docs/oscal.md, the same bytes as GET /api/v1/oscal/…, on stdout or into a file.
//
//   oscal ssp --workspace <slug> [--systems id,id] [--out file.json]
//   oscal catalog --framework <key> [--version <v>] [--workspace <slug>] [--out file.json]
//   oscal mapping [--crosswalk <key> [--version <v>]] [--workspace <slug>] [--out file.json]
//
// Without --workspace, catalog and mapping see the built-ins only.
import { rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { db } from "@/lib/db/client";
import { exportCatalog, exportMapping, exportSsp } from "@/lib/server/oscal/export-oscal";
import { recordOscalExport } from "@/lib/server/oscal/record-oscal-export";
import {
  oscalCatalogQuerySchema,
  oscalMappingQuerySchema,
  oscalSspQuerySchema,
} from "@/lib/validation/oscal";

export const OSCAL_USAGE = `usage: npm run -s export -- oscal <document> [options]

  oscal ssp --workspace <slug> [--systems id,id]      System Security Plan
  oscal catalog --framework <key> [--version <v>]     a framework version as a catalog
  oscal mapping [--crosswalk <key> [--version <v>]]   the crosswalks as a mapping collection

  --workspace <slug>    whose data (ssp) or which imports are visible (catalog, mapping)
  --out <file.json>     write there instead of standard output
`;

export class OscalUsageError extends Error {}

function parsed<T>(
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new OscalUsageError(
    `--${String(issue?.path[0] ?? "option")}: ${issue?.message ?? "invalid"}`,
  );
}

async function workspaceBySlug(slug: string | undefined) {
  if (!slug) return null;
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!workspace) throw new OscalUsageError(`workspace "${slug}" does not exist`);
  return workspace;
}

export async function runOscalExport(argv: string[]): Promise<void> {
  const [document, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      workspace: { type: "string" },
      systems: { type: "string" },
      framework: { type: "string" },
      crosswalk: { type: "string" },
      version: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !document) return void process.stdout.write(OSCAL_USAGE);
  const workspace = await workspaceBySlug(values.workspace);
  let exported;
  if (document === "ssp") {
    if (!workspace) throw new OscalUsageError("oscal ssp needs --workspace");
    const query = parsed(oscalSspQuerySchema.safeParse({ systemIds: values.systems }));
    exported = await exportSsp({ workspaceId: workspace.id, systemIds: query.systemIds });
    await recordOscalExport({
      workspaceId: workspace.id,
      actor: { type: "SYSTEM", label: `Command line (${os.userInfo().username}@${os.hostname()})` },
      systemIds: query.systemIds,
      via: "cli",
    });
  } else if (document === "catalog") {
    const query = parsed(
      oscalCatalogQuerySchema.safeParse({ framework: values.framework, version: values.version }),
    );
    exported = await exportCatalog({
      workspaceId: workspace?.id ?? null,
      key: query.framework,
      version: query.version,
    });
  } else if (document === "mapping") {
    const query = parsed(
      oscalMappingQuerySchema.safeParse({ crosswalk: values.crosswalk, version: values.version }),
    );
    exported = await exportMapping({
      workspaceId: workspace?.id ?? null,
      key: query.crosswalk,
      version: query.version,
    });
  } else {
    throw new OscalUsageError(`unknown OSCAL document "${document}" (ssp, catalog or mapping)`);
  }
  if (!values.out) return void process.stdout.write(exported.content);
  // Written whole under a temporary name first, so a half-written file never has the real name.
  const target = path.resolve(values.out);
  await writeFile(`${target}.partial`, exported.content, { mode: 0o600 });
  await rename(`${target}.partial`, target);
  process.stderr.write(`${target}\n`);
}
