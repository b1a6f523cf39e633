// The workspace's PDF report from the command line, rendered in this process (the operator's
// shell; the app makes reports as background jobs). Run through the launcher so it works with the
// embedded database as well as DATABASE_URL:
//
//   npm run -s report -- --workspace <slug> --out <file.pdf>
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { db } from "@/lib/db/client";
import { renderReportPdf } from "@/lib/report-pdf/render-report-pdf";
import { collectReportData } from "@/lib/server/report/collect-report-data";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { workspace: { type: "string" }, out: { type: "string" } },
  });
  if (!values.workspace || !values.out) {
    throw new Error("usage: npm run -s report -- --workspace <slug> --out <file.pdf>");
  }
  const workspace = await db.workspace.findUnique({
    where: { slug: values.workspace },
    select: { id: true },
  });
  if (!workspace) throw new Error(`workspace "${values.workspace}" does not exist`);
  const data = await collectReportData({ workspaceId: workspace.id, generatedBy: "Command line" });
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const pdf = await renderReportPdf(data);
  await writeFile(target, pdf);
  process.stdout.write(`Wrote ${target} (${pdf.length} bytes).\n`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    process.stderr.write(
      `report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await db.$disconnect().catch(() => undefined);
    process.exitCode = 1;
  });
