// The write transaction helpers (lib/db/transaction.ts): the workspace lock first, a whole
// transaction re-run when PostgreSQL aborts it as a deadlock, and nothing else re-run. The
// deadlock tests need two sessions at once, which the embedded database (one session, whose
// transactions run one after another) cannot give: there they are skipped, as deadlocks cannot
// happen.
import { afterEach, describe, expect, inject, it, vi } from "vitest";

import {
  lockWorkspaces,
  MAX_ATTEMPTS,
  retryableCode,
  retryingTransaction,
  workspaceTransaction,
} from "@/lib/db/transaction";
import { ConflictError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";

import { signedUpOwner } from "../support/identity-fixtures";

const onServer = inject("databaseKind") === "postgres";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Resolves once `count` callers have arrived (first attempts only: retries must not wait). */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    arrived += 1;
    if (arrived === count) open();
    await opened;
  };
}

/** Two transactions that each update one workspace's name, then the other's: a deadlock. */
async function crosswise(options: { retry?: boolean } = {}) {
  const [a, b] = await Promise.all([signedUpOwner("dl-a"), signedUpOwner("dl-b")]);
  const bothHoldOne = barrier(2);
  const attempts = { first: 0, second: 0 };
  const run = (key: keyof typeof attempts, one: string, other: string) =>
    retryingTransaction(
      `crosswise ${key}`,
      async (tx) => {
        attempts[key] += 1;
        await tx.workspace.update({ where: { id: one }, data: { name: `${key} ${one}` } });
        if (attempts[key] === 1) await bothHoldOne();
        await tx.workspace.update({ where: { id: other }, data: { name: `${key} ${other}` } });
        return key;
      },
      options,
    );
  const results = await Promise.allSettled([
    run("first", a.workspace.id, b.workspace.id),
    run("second", b.workspace.id, a.workspace.id),
  ]);
  return { results, attempts };
}

describe("retryingTransaction", () => {
  it.skipIf(!onServer)(
    "runs a transaction again after PostgreSQL aborted it as a deadlock, and logs it",
    async () => {
      const warn = vi.spyOn(logger, "warn");
      const { results, attempts } = await crosswise();
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      // PostgreSQL aborts one of the two; that one ran twice.
      expect(attempts.first + attempts.second).toBe(3);
      const retries = warn.mock.calls.filter(([, message]) =>
        String(message).includes("running it again"),
      );
      expect(retries).toHaveLength(1);
      expect(retries[0]?.[0]).toMatchObject({ attempt: 1, code: "40P01" });
    },
  );

  it.skipIf(!onServer)("passes the deadlock on when told not to retry", async () => {
    const { results, attempts } = await crosswise({ retry: false });
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed).toHaveLength(1);
    expect(retryableCode((failed[0] as PromiseRejectedResult).reason)).toBe("40P01");
    expect(attempts.first + attempts.second).toBe(2);
  });

  it("runs other failures once, and gives up on a deadlock after MAX_ATTEMPTS", async () => {
    let runs = 0;
    await expect(
      retryingTransaction("always in conflict", async () => {
        runs += 1;
        throw new ConflictError("someone else first");
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(runs).toBe(1);

    // A deadlock every time (PostgreSQL's own error, raised by the database on each attempt).
    runs = 0;
    const error = await retryingTransaction("always deadlocked", async (tx) => {
      runs += 1;
      await tx.$executeRawUnsafe(
        `DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = 'deadlock_detected'; END $$`,
      );
    }).catch((caught: unknown) => caught);
    expect(retryableCode(error)).toBe("40P01");
    expect(runs).toBe(MAX_ATTEMPTS);
  });
});

describe("workspaceTransaction", () => {
  it("locks the workspace first: a second writer starts its work after the first committed", async () => {
    const { workspace } = await signedUpOwner("serial");
    const order: string[] = [];
    let firstHasLock!: () => void;
    const locked = new Promise<void>((resolve) => (firstHasLock = resolve));
    const first = workspaceTransaction(workspace.id, "first", async (tx) => {
      order.push("first start");
      firstHasLock();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.workspace.update({ where: { id: workspace.id }, data: { name: "first" } });
      order.push("first end");
    });
    await locked;
    const second = workspaceTransaction(workspace.id, "second", async (tx) => {
      order.push("second start");
      const row = await tx.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
      order.push(`second saw ${row.name}`);
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["first start", "first end", "second start", "second saw first"]);
  });

  it("refuses to lock further workspaces once it holds some (they would come out of order)", async () => {
    const [a, b] = await Promise.all([signedUpOwner("order-a"), signedUpOwner("order-b")]);
    await expect(
      workspaceTransaction(a.workspace.id, "a then b", (tx) =>
        lockWorkspaces(tx, [b.workspace.id]),
      ),
    ).rejects.toThrow(/already holds workspace locks/);
    // The same workspace again, or several at once in a fresh transaction, are fine.
    await workspaceTransaction(a.workspace.id, "a twice", (tx) =>
      lockWorkspaces(tx, [a.workspace.id]),
    );
    await retryingTransaction("both", (tx) => lockWorkspaces(tx, [b.workspace.id, a.workspace.id]));
  });
});
