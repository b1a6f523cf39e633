// Child process of tests/e2e/processes.spec.ts: creates a workspace with an ADMIN API token and
// `--files` evidence files (random bytes, so zipping them takes real time) in DATABASE_URL and
// DATA_DIR, through the app's own modules, and prints { workspaceId, slug, token } as JSON.
// Run with `node --import tsx --conditions=react-server`.
import { parseArgs } from "node:util";

import { db } from "@/lib/db/client";
import { addEvidenceFiles, createEvidenceWorld, tokenFor } from "@/tests/support/evidence-fixtures";

async function main() {
  const { values } = parseArgs({
    options: { files: { type: "string", default: "400" }, kb: { type: "string", default: "64" } },
  });
  const world = await createEvidenceWorld("procs");
  await addEvidenceFiles(world, Number(values.files), Number(values.kb) * 1024, { random: true });
  const token = await tokenFor(world, "ADMIN");
  await db.$disconnect();
  process.stdout.write(
    `${JSON.stringify({ workspaceId: world.workspace.id, slug: world.workspace.slug, token })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
