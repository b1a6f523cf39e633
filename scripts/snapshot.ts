// Takes today's coverage snapshot (UTC day) for every workspace. Run through the launcher so it
// works with the embedded database as well as DATABASE_URL:
//
//   npm run snapshot
//
// Safe to run any number of times a day (one row per workspace per day, refreshed). The app takes
// the day's snapshots itself on a schedule (COVERAGE_SNAPSHOT_CRON); this refreshes them now.
import { db } from "@/lib/db/client";
import { takeDailySnapshot } from "@/lib/server/coverage/take-daily-snapshot";

async function main(): Promise<void> {
  const now = new Date();
  const workspaces = await db.workspace.findMany({
    select: { id: true, slug: true },
    orderBy: { slug: "asc" },
  });
  let failed = 0;
  // One at a time: a snapshot is one aggregate per workspace, and the database is shared with
  // the running app.
  for (const workspace of workspaces) {
    try {
      await takeDailySnapshot({ workspaceId: workspace.id, now });
    } catch (error) {
      failed += 1;
      process.stderr.write(
        `snapshot: ${workspace.slug}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  process.stdout.write(
    `snapshot: ${workspaces.length - failed} of ${workspaces.length} workspaces on ${now.toISOString().slice(0, 10)}\n`,
  );
  if (failed > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `snapshot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
