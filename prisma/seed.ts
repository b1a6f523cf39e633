// Idempotent seed, run by the launcher on every start: built-in frameworks, then (first start of
// an empty database only) the demo workspace. Safe to run any number of times.
import { runSeed } from "@/lib/server/seed/run-seed";

runSeed()
  .then((report) => {
    for (const line of report) process.stdout.write(`[seed] ${line}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `[seed] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
