import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { seedBuiltInCrosswalks } from "@/lib/server/crosswalks/seed-builtin-crosswalks";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";
import { seedDemoEvidence } from "@/lib/server/seed/demo-evidence";
import { seedDemoPortfolio } from "@/lib/server/seed/demo-portfolio";
import { seedDemoWorkspace } from "@/lib/server/seed/demo-workspace";

/**
 * Idempotent seed, run on every start: the built-in frameworks and crosswalks first (they are
 * global), then, on
 * the first start of an empty database only, the demo user and workspace. Production mode never
 * gets demo data unless SEED_DEMO=true; SEED_DEMO=false turns it off everywhere. Returns
 * human-readable lines for the launcher to print.
 */
export async function runSeed(): Promise<string[]> {
  const report = await seedBuiltInFrameworks();
  // After the frameworks: a crosswalk is checked against the rows of the frameworks it maps.
  report.push(...(await seedBuiltInCrosswalks()));
  const { NODE_ENV, SEED_DEMO } = env();
  const demoAllowed = SEED_DEMO ?? NODE_ENV !== "production";
  if (!demoAllowed) {
    report.push("demo workspace: skipped (production mode; set SEED_DEMO=true to create it)");
  } else {
    const demo = await seedDemoWorkspace();
    if (demo.created) {
      report.push(
        `demo workspace created: sign in as ${demo.email} with password ${demo.password}`,
      );
      report.push("(the password is shown only now; change it or create your own account)");
      report.push(...(await seedDemoPortfolio()));
      report.push(...(await seedDemoEvidence()));
    } else {
      report.push("demo workspace: not needed (the database already has users)");
    }
  }
  const workspaces = await db.workspace.count();
  report.push(`${workspaces} workspace(s) present`);
  return report;
}
