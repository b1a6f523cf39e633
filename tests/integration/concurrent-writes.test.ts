// A team working at once (issue 13): writers and readers run in parallel on one random workspace,
// through the services the API and the pages call. Writers: duty edits, evidence links and
// unlinks across systems, new evidence linked to parts of several systems, new revisions (a
// validity change that moves links), reviews, bulk owner and due-date changes. Readers: coverage,
// coverage per system, the gap list and the overview, at pinned and current instants, storing
// per-system counts as they go. Afterwards:
// - no request failed but with the conflicts the services promise (409; 404 for an unlink whose
//   link a concurrent write removed); in particular no deadlock (40P01) reached a caller;
// - every acknowledged write left exactly one audit event, and replaying the audit log from the
//   workspace as written reproduces the database (owners, statuses, due dates, links, reviews,
//   revisions), each event's "from" being the state the one before it left: no lost write;
// - the audit chain verifies;
// - every stored SystemCoverage row that is valid now, and the engine's figures, equal the
//   coverage reference (lib/domain/coverage-reference.ts) on the data as it ended up.
import fc from "fast-check";
import { afterEach, describe, expect, inject, it, vi } from "vitest";

import { db } from "@/lib/db/client";
import { computeCoverage, type CoverageSummary } from "@/lib/domain/coverage-reference";
import type { WorkspaceSnapshot } from "@/lib/domain/coverage-snapshot";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { loadWorkspaceOverview } from "@/lib/server/dashboard/load-workspace-overview";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { linkEvidenceToDuty } from "@/lib/server/evidence/link-evidence-to-duty";
import { reviewEvidence } from "@/lib/server/evidence/review-evidence";
import { unlinkEvidenceFromDuty } from "@/lib/server/evidence/unlink-evidence-from-duty";
import { bulkAssignOwner } from "@/lib/server/responsibilities/bulk-assign-owner";
import { bulkSetDueDate } from "@/lib/server/responsibilities/bulk-set-due-date";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import { createEvidenceBodySchema } from "@/lib/validation/evidence";
import { startOfDay } from "@/lib/validation/responsibilities";
import {
  NOW,
  OWNERS,
  readWorkspaceSnapshot,
  workspaceArbitrary,
  writeWorkspace,
} from "@/tests/support/coverage-fixtures";

const WRITERS = 6;
const OPS_PER_WRITER = 18;
const READERS = 3;

const actor = { type: "USER" as const, id: "owner-ada", label: "owner-ada@example.com" };
const WORKING_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED"] as const;
const DAYS = [null, "2026-01-10", "2026-03-20", "2027-06-30"] as const;

const opArbitrary = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("part" as const),
      part: fc.nat(),
      owner: fc.constantFrom(null, ...OWNERS),
      status: fc.constantFrom(...WORKING_STATUSES),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("link" as const),
      part: fc.nat(),
      evidence: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("unlink" as const), index: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      parts: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      validUntil: fc.constantFrom(...DAYS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("revise" as const),
      evidence: fc.nat(),
      validUntil: fc.constantFrom(...DAYS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("review" as const),
      evidence: fc.nat(),
      status: fc.constantFrom("ACCEPTED" as const, "REJECTED" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("bulkOwner" as const),
      systems: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      owner: fc.constantFrom(null, ...OWNERS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("bulkDue" as const),
      parts: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      due: fc.constantFrom(...DAYS),
    }),
  },
);
type Op = typeof opArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** What the services may answer under contention, per kind of write. */
const EXPECTED: Record<Op["kind"], (error: unknown) => boolean> = {
  part: (e) => e instanceof ConflictError,
  link: (e) => e instanceof ConflictError,
  unlink: (e) => e instanceof NotFoundError,
  create: () => false,
  revise: (e) => e instanceof ConflictError,
  review: (e) => e instanceof ConflictError,
  bulkOwner: (e) => e instanceof ConflictError,
  bulkDue: (e) => e instanceof ConflictError,
};

const pick = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

type Acknowledged = Record<string, number>;

/** Runs one write against the state as it is now; returns the audit actions it acknowledged. */
async function runOp(op: Op, workspaceId: string, dutyIds: string[], systemIds: string[]) {
  const live = () =>
    db.evidence.findMany({
      where: { workspaceId, deletedAt: null, supersededAt: null },
      orderBy: { id: "asc" },
      select: { id: true, kind: true, vendorId: true },
    });
  switch (op.kind) {
    case "part": {
      const id = pick(dutyIds, op.part)!;
      const part = await db.duty.findUniqueOrThrow({ where: { id } });
      const result = await updateDuty({
        workspaceId,
        actor,
        input: { dutyId: id, expectedVersion: part.version, ownerId: op.owner, status: op.status },
      });
      return result.changed ? ["responsibility.update"] : [];
    }
    case "link": {
      const item = pick(await live(), op.evidence);
      if (!item) return [];
      const { created } = await linkEvidenceToDuty({
        workspaceId,
        actor,
        evidenceId: item.id,
        dutyId: pick(dutyIds, op.part)!,
      });
      return created ? ["evidence.link"] : [];
    }
    case "unlink": {
      const links = await db.evidenceLink.findMany({
        where: { workspaceId },
        orderBy: { id: "asc" },
      });
      const link = pick(links, op.index);
      if (!link) return [];
      await unlinkEvidenceFromDuty({
        workspaceId,
        actor,
        evidenceId: link.evidenceId,
        dutyId: link.dutyId,
      });
      return ["evidence.unlink"];
    }
    case "create": {
      const input = createEvidenceBodySchema.parse({
        kind: "LINK",
        title: "Shared evidence",
        url: "https://example.com/evidence",
        validUntil: op.validUntil,
        dutyIds: [...new Set(op.parts.map((index) => pick(dutyIds, index)!))],
      });
      await createEvidence({ workspaceId, actor, input });
      return ["evidence.create"];
    }
    case "revise": {
      const item = pick(
        (await live()).filter((e) => e.kind !== "FILE"),
        op.evidence,
      );
      if (!item) return [];
      const input = createEvidenceBodySchema.parse({
        kind: item.kind,
        title: "Revision",
        url: "https://example.com/revision",
        note: "Revised",
        attestationType: "SOC2_REPORT",
        vendorId: item.vendorId ?? undefined,
        validUntil: op.validUntil,
        supersedesId: item.id,
      });
      await createEvidence({ workspaceId, actor, input });
      return ["evidence.create", "evidence.supersede"];
    }
    case "review": {
      const item = pick(await live(), op.evidence);
      if (!item) return [];
      await reviewEvidence({
        workspaceId,
        actor,
        evidenceId: item.id,
        review: { status: op.status },
      });
      return ["evidence.review"];
    }
    case "bulkOwner": {
      const systems = [...new Set(op.systems.map((index) => pick(systemIds, index)!))];
      // One system: all of its customer parts; several: their customer parts, chosen one by one.
      const parts = await db.duty.findMany({
        where: { workspaceId, systemId: { in: systems }, side: "CUSTOMER" },
        select: { id: true },
      });
      if (systems.length > 1 && parts.length === 0) return [];
      await bulkAssignOwner({
        workspaceId,
        actor,
        input: {
          ownerId: op.owner,
          target:
            systems.length === 1
              ? { kind: "system", systemId: systems[0]! }
              : { kind: "duties", dutyIds: parts.map((p) => p.id) },
        },
      });
      return ["responsibility.bulkAssignOwner"];
    }
    case "bulkDue": {
      await bulkSetDueDate({
        workspaceId,
        actor,
        dutyIds: [...new Set(op.parts.map((index) => pick(dutyIds, index)!))],
        dueDate: op.due,
      });
      return ["responsibility.bulkSetDueDate"];
    }
  }
}

/** Readers: every way the app reads coverage, storing per-system counts as it goes. */
async function readOnce(workspaceId: string, round: number) {
  switch (round % 5) {
    case 0:
      return getCoverage({ workspaceId });
    case 1:
      return getCoverage({ workspaceId, now: NOW });
    case 2:
      return getCoverageBy({ workspaceId, groupBy: "system" });
    case 3:
      return getGapList({ workspaceId, limit: 20 });
    default:
      return loadWorkspaceOverview({ workspaceId, now: NOW });
  }
}

type Outcome = { op: Op | { kind: "read" }; error: unknown };

function describeError(error: unknown): string {
  if (error instanceof AppError) return `${error.name} ${error.status}: ${error.message}`;
  const record = error as { code?: unknown; message?: unknown };
  return `${String(record.code ?? "")} ${String(record.message ?? error)}`.slice(0, 400);
}

/** Replays the audit log over the workspace as written and compares it with the database. */
async function expectAuditReplaysToDatabase(
  workspaceId: string,
  initial: WorkspaceSnapshot,
  acknowledged: Acknowledged,
) {
  const events = await db.auditEvent.findMany({ where: { workspaceId }, orderBy: { seq: "asc" } });
  const counted: Acknowledged = {};
  for (const event of events) counted[event.action] = (counted[event.action] ?? 0) + 1;
  expect(counted).toEqual(acknowledged);

  type DutyState = { ownerId: string | null; status: string; dueDate: string | null };
  const day = (date: Date | null) => (date ? date.toISOString() : null);
  const parts = new Map<string, DutyState>(
    initial.parts.map((p) => [
      p.id,
      { ownerId: p.ownerId, status: p.status, dueDate: day(p.dueDate) },
    ]),
  );
  const links = new Set(initial.evidenceLinks.map((l) => `${l.evidenceId}|${l.dutyId}`));
  const reviews = new Map<string, string>(initial.evidence.map((e) => [e.id, e.reviewStatus]));
  const superseded = new Set(initial.evidence.filter((e) => e.superseded).map((e) => e.id));

  for (const event of events) {
    const diff = event.diff as Record<string, unknown>;
    const change = (key: string) => diff[key] as { from: unknown; to: unknown } | undefined;
    switch (event.action) {
      case "responsibility.update": {
        const part = parts.get(event.entityId!)!;
        for (const key of ["ownerId", "status"] as const) {
          const c = change(key);
          if (!c) continue;
          // The write saw exactly the state the events before it left.
          expect(c.from, `${key} of ${event.entityId} before event ${event.seq}`).toBe(part[key]);
          part[key] = c.to as string;
        }
        break;
      }
      case "responsibility.bulkAssignOwner":
        for (const id of diff.dutyIds as string[]) parts.get(id)!.ownerId = diff.ownerId as string;
        break;
      case "responsibility.bulkSetDueDate":
        for (const id of diff.dutyIds as string[])
          parts.get(id)!.dueDate = diff.dueDate ? day(startOfDay(diff.dueDate as string)) : null;
        break;
      case "evidence.link":
        links.add(`${event.entityId}|${diff.dutyId as string}`);
        break;
      case "evidence.unlink":
        expect(links.delete(`${event.entityId}|${diff.dutyId as string}`)).toBe(true);
        break;
      case "evidence.create":
        reviews.set(event.entityId!, "PENDING");
        for (const dutyId of (diff.dutyIds as string[] | undefined) ?? [])
          links.add(`${event.entityId}|${dutyId}`);
        break;
      case "evidence.supersede": {
        const next = diff.supersededById as string;
        superseded.add(event.entityId!);
        for (const key of [...links]) {
          const [evidenceId, dutyId] = key.split("|");
          if (evidenceId !== event.entityId) continue;
          links.delete(key);
          links.add(`${next}|${dutyId}`);
        }
        break;
      }
      case "evidence.review":
        reviews.set(event.entityId!, change("reviewStatus")!.to as string);
        break;
      default:
        throw new Error(`unexpected audit action ${event.action}`);
    }
  }

  const final = await readWorkspaceSnapshot(workspaceId);
  expect(
    new Map(
      final.parts.map((p) => [
        p.id,
        { ownerId: p.ownerId, status: p.status, dueDate: day(p.dueDate) },
      ]),
    ),
  ).toEqual(parts);
  expect(new Set(final.evidenceLinks.map((l) => `${l.evidenceId}|${l.dutyId}`))).toEqual(links);
  expect(new Map(final.evidence.map((e) => [e.id, e.reviewStatus]))).toEqual(reviews);
  expect(new Set(final.evidence.filter((e) => e.superseded).map((e) => e.id))).toEqual(superseded);
  return final;
}

/** Stored counts as the summary the reference computes (rates are the same n / d). */
function storedSummary(row: {
  totalDuties: number;
  coveredDuties: number;
  customerDuties: number;
  providerDuties: number;
  ownedDuties: number;
  implementedDuties: number;
  evidencedDuties: number;
  assuredDuties: number;
}): CoverageSummary {
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    totalDuties: row.totalDuties,
    coveredDuties: row.coveredDuties,
    customerDuties: row.customerDuties,
    providerDuties: row.providerDuties,
    coverage: ratio(row.coveredDuties, row.totalDuties),
    ownedRate: ratio(row.ownedDuties, row.customerDuties),
    implementedRate: ratio(row.implementedDuties, row.customerDuties),
    evidencedRate: ratio(row.evidencedDuties, row.customerDuties),
    providerAssuredRate: ratio(row.assuredDuties, row.providerDuties),
  };
}

async function expectStoredFiguresMatchReference(workspaceId: string, snapshot: WorkspaceSnapshot) {
  const generations = new Map(
    (
      await db.aiSystem.findMany({
        where: { workspaceId },
        select: { id: true, coverageGeneration: true },
      })
    ).map((s) => [s.id, s.coverageGeneration]),
  );
  for (const now of [NOW, new Date()]) {
    // The rows the engine would use at `now`, as the readers left them.
    const rows = await db.systemCoverage.findMany({ where: { workspaceId } });
    for (const row of rows) {
      const valid =
        row.generation === generations.get(row.systemId) &&
        (row.validFrom === null || row.validFrom <= now) &&
        (row.validTo === null || row.validTo > now);
      if (!valid) continue;
      expect(storedSummary(row), `stored row of ${row.systemId} at ${now.toISOString()}`).toEqual(
        computeCoverage({ snapshot, now, scope: { systemIds: [row.systemId] } }),
      );
    }
    expect(await getCoverage({ workspaceId, now })).toEqual(computeCoverage({ snapshot, now }));
    for (const row of await getCoverageBy({ workspaceId, now, groupBy: "system" })) {
      const { key, label, ...summary } = row;
      void label;
      expect(summary).toEqual(computeCoverage({ snapshot, now, scope: { systemIds: [key!] } }));
    }
  }
}

/** The retry log lines of lib/db/transaction.ts seen by a spy on the logger. */
function retries(warn: { mock: { calls: unknown[][] } }) {
  return warn.mock.calls.filter(([, message]) => String(message).includes("running it again"));
}

const workspaces = workspaceArbitrary
  .map((fixture) => ({ ...fixture, memberOwners: [...OWNERS] }))
  .filter(
    (f) =>
      f.systems.filter((s) => !s.archived).length >= 2 &&
      f.parts.length >= 6 &&
      f.evidence.length >= 2,
  );

afterEach(() => {
  vi.restoreAllMocks();
});

describe(`concurrent writers and readers (${inject("databaseKind")})`, () => {
  it("never deadlock, lose no acknowledged write, and leave the stored figures exact", async () => {
    const warn = vi.spyOn(logger, "warn");
    await fc.assert(
      fc.asyncProperty(
        workspaces,
        fc.array(fc.array(opArbitrary, { minLength: OPS_PER_WRITER, maxLength: OPS_PER_WRITER }), {
          minLength: WRITERS,
          maxLength: WRITERS,
        }),
        async (fixture, plans) => {
          warn.mockClear();
          const workspaceId = await writeWorkspace(fixture);
          const initial = await readWorkspaceSnapshot(workspaceId);
          const dutyIds = initial.parts.map((p) => p.id);
          const systemIds = initial.systems.map((s) => s.id);
          // Stored rows for every system first, so that writes have something to make stale.
          await getCoverage({ workspaceId });

          const failures: Outcome[] = [];
          const acknowledged: Acknowledged = {};
          let writing = true;
          const writers = plans.map(async (plan) => {
            for (const op of plan) {
              try {
                for (const action of await runOp(op, workspaceId, dutyIds, systemIds))
                  acknowledged[action] = (acknowledged[action] ?? 0) + 1;
              } catch (error) {
                if (!EXPECTED[op.kind](error)) failures.push({ op, error });
              }
            }
          });
          const readers = Array.from({ length: READERS }, async (_, reader) => {
            for (let round = reader; writing || round < reader + 5; round++) {
              try {
                await readOnce(workspaceId, round);
              } catch (error) {
                failures.push({ op: { kind: "read" }, error });
              }
            }
          });
          await Promise.all(writers);
          writing = false;
          await Promise.all(readers);

          expect(failures.map((f) => `${f.op.kind}: ${describeError(f.error)}`)).toEqual([]);
          // Not even a deadlock that a retry hid: the lock order leaves none to retry.
          expect(retries(warn)).toEqual([]);
          const final = await expectAuditReplaysToDatabase(workspaceId, initial, acknowledged);
          const chain = await verifyAuditChain(workspaceId);
          expect(chain).toMatchObject({ ok: true });
          await expectStoredFiguresMatchReference(workspaceId, final);
        },
      ),
      // No shrinking: a failing run is re-run with fewer writes, which may not race the same way.
      { numRuns: 3, endOnFailure: true },
    );
  }, 240_000);
});
