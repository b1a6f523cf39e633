// Every transaction of the app opens through lib/db/transaction.ts (workspaceTransaction,
// retryingTransaction, or the helpers built on them), so each one follows the lock order written
// there and is retried on a deadlock. A plain `db.$transaction(` elsewhere would skip both; this
// lists every one in the app's code, so a new one is a deliberate, reviewed exception.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["app", "lib", "scripts", "instrumentation.ts", "proxy.ts"];

/** Files allowed to open a transaction themselves, and why. */
const EXCEPTIONS: Record<string, string> = {
  "lib/db/transaction.ts": "the helpers themselves",
  "lib/server/systems/preview-rederivation.ts": "reads only: takes no lock, writes nothing",
  "scripts/bench-lists.ts": "benchmark data loader, run alone on its own database",
};

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  const stat = readdirSync(path.dirname(full), { withFileTypes: true }).find(
    (d) => d.name === path.basename(full),
  );
  if (!stat) return [];
  if (stat.isFile()) return /\.tsx?$/.test(entry) ? [entry] : [];
  if (entry === "lib/generated") return [];
  return readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)));
}

describe("write transactions", () => {
  it("open only through lib/db/transaction.ts", () => {
    const offenders = SCANNED.flatMap(sourceFiles)
      .filter((file) => !(file in EXCEPTIONS))
      .filter((file) => /\.\$transaction\s*\(/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("lists no exception that no longer exists or no longer needs it", () => {
    for (const file of Object.keys(EXCEPTIONS)) {
      expect(readFileSync(path.join(ROOT, file), "utf8"), file).toMatch(/\.\$transaction\s*\(/);
    }
  });
});
