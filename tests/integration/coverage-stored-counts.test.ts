// Stored per-system counts (lib/server/coverage/system-coverage-sql.ts) must never answer with
// stale numbers. Random workspaces go through random sequences of writes (every kind of write
// the coverage definition reads: part fields, links, evidence validity / review / revision /
// deletion, vendor attestations, a system's vendor, archiving, deleted parts) and of reads at
// instants on both sides of every boundary; after each step the engine must equal the reference
// on the data as it is now. Reads store counts, so later reads exercise the stored path, and a
// write must make them stale.
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";

import { db } from "@/lib/db/client";
import { computeCoverage } from "@/lib/domain/coverage-reference";
import type {
  SnapshotDuty,
  SnapshotEvidence,
  SnapshotSystem,
  WorkspaceSnapshot,
} from "@/lib/domain/coverage-snapshot";
import { DUTY_STATUSES, REVIEW_STATUSES } from "@/lib/domain/responsibility";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import {
  forceStalePlanForTests,
  type StalePlan,
  STORING_LOCK,
} from "@/lib/server/coverage/system-coverage-sql";
import {
  at,
  INSTANTS,
  MODELS,
  NOW,
  OWNERS,
  snapshotBuilder,
  workspaceArbitrary,
  writeWorkspace,
} from "@/tests/support/coverage-fixtures";

/** Instants to read at: every generated boundary, 1 ms either side of some, and far ends. */
const READ_INSTANTS = [
  NOW,
  new Date(NOW.getTime() - 1),
  new Date(NOW.getTime() + 1),
  at(-30),
  new Date(at(-30).getTime() + 1),
  at(1),
  new Date(at(1).getTime() + 1),
  at(30),
  new Date(at(30).getTime() + 1),
  at(400),
  new Date(at(400).getTime() + 1),
  at(-400),
];

const pick = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

const stepArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant("read" as const),
    instant: fc.nat(),
    // Both ways of computing stale systems, and the choice between them, give the same numbers.
    plan: fc.constantFrom<StalePlan | "by share" | null>(
      null,
      "one by one",
      "together",
      "by share",
    ),
  }),
  fc.record({
    kind: fc.constant("part" as const),
    index: fc.nat(),
    owner: fc.constantFrom(null, ...OWNERS),
    status: fc.constantFrom(...DUTY_STATUSES),
    justification: fc.constantFrom(null, "", "ok"),
    expiry: fc.constantFrom(...INSTANTS),
    approver: fc.constantFrom(null, "owner-ada"),
  }),
  fc.record({
    kind: fc.constant("evidence" as const),
    index: fc.nat(),
    validUntil: fc.constantFrom(...INSTANTS),
    reviewStatus: fc.constantFrom(...REVIEW_STATUSES),
    deleted: fc.boolean(),
    superseded: fc.boolean(),
    vendor: fc.constantFrom(null, 0, 1),
  }),
  fc.record({ kind: fc.constant("link" as const), part: fc.nat(), evidence: fc.nat() }),
  fc.record({ kind: fc.constant("unlink" as const), index: fc.nat() }),
  fc.record({
    kind: fc.constant("vendor" as const),
    index: fc.nat(),
    vendor: fc.constantFrom(null, 0, 1),
  }),
  fc.record({ kind: fc.constant("archive" as const), index: fc.nat(), archived: fc.boolean() }),
  fc.record({ kind: fc.constant("deleteDuty" as const), index: fc.nat() }),
);

type Step = typeof stepArbitrary extends fc.Arbitrary<infer T> ? T : never;

type MutableSnapshot = {
  systems: SnapshotSystem[];
  responsibilities: WorkspaceSnapshot["responsibilities"];
  parts: SnapshotDuty[];
  evidence: SnapshotEvidence[];
  evidenceLinks: { dutyId: string; evidenceId: string }[];
};

/** Applies one write to the database and to the in-memory snapshot alike. */
async function apply(
  step: Exclude<Step, { kind: "read" }>,
  ws: MutableSnapshot,
  workspaceId: string,
  vendors: string[],
) {
  switch (step.kind) {
    case "part": {
      const part = pick(ws.parts, step.index);
      if (!part) return;
      Object.assign(part, {
        ownerId: step.owner,
        status: step.status,
        justification: step.justification,
        riskAcceptanceExpiresAt: step.expiry,
        riskApproverId: step.approver,
      });
      await db.duty.update({
        where: { id: part.id },
        data: {
          ownerId: step.owner,
          status: step.status,
          justification: step.justification,
          riskAcceptanceExpiresAt: step.expiry,
          riskApproverId: step.approver,
        },
      });
      return;
    }
    case "evidence": {
      const item = pick(ws.evidence, step.index);
      if (!item) return;
      const vendorId = step.vendor === null ? null : (vendors[step.vendor] ?? null);
      Object.assign(item, {
        validUntil: step.validUntil,
        reviewStatus: step.reviewStatus,
        deletedAt: step.deleted ? at(-2) : null,
        superseded: step.superseded,
        supersededById: null,
        vendorId,
      });
      await db.evidence.update({
        where: { id: item.id },
        data: {
          validUntil: step.validUntil,
          reviewStatus: step.reviewStatus,
          deletedAt: step.deleted ? at(-2) : null,
          supersededAt: step.superseded ? at(-1) : null,
          vendorId,
        },
      });
      return;
    }
    case "link": {
      const part = pick(ws.parts, step.part);
      const item = pick(ws.evidence, step.evidence);
      if (!part || !item) return;
      if (ws.evidenceLinks.some((l) => l.dutyId === part.id && l.evidenceId === item.id)) return;
      ws.evidenceLinks.push({ dutyId: part.id, evidenceId: item.id });
      await db.evidenceLink.create({
        data: { workspaceId, dutyId: part.id, evidenceId: item.id },
      });
      return;
    }
    case "unlink": {
      const link = pick(ws.evidenceLinks, step.index);
      if (!link) return;
      ws.evidenceLinks.splice(ws.evidenceLinks.indexOf(link), 1);
      await db.evidenceLink.deleteMany({
        where: { dutyId: link.dutyId, evidenceId: link.evidenceId },
      });
      return;
    }
    case "vendor": {
      const system = pick(ws.systems, step.index);
      if (!system) return;
      const vendorId = step.vendor === null ? null : (vendors[step.vendor] ?? null);
      system.vendorId = vendorId;
      await db.aiSystem.update({ where: { id: system.id }, data: { vendorId } });
      return;
    }
    case "archive": {
      const system = pick(ws.systems, step.index);
      if (!system) return;
      system.archived = step.archived;
      await db.aiSystem.update({
        where: { id: system.id },
        data: { archivedAt: step.archived ? at(-3) : null },
      });
      return;
    }
    case "deleteDuty": {
      const part = pick(ws.parts, step.index);
      if (!part) return;
      ws.parts.splice(ws.parts.indexOf(part), 1);
      ws.evidenceLinks = ws.evidenceLinks.filter((l) => l.dutyId !== part.id);
      await db.duty.delete({ where: { id: part.id } });
      return;
    }
  }
}

async function expectAgreement(workspaceId: string, ws: MutableSnapshot, now: Date) {
  const snapshot: WorkspaceSnapshot = ws;
  expect(await getCoverage({ workspaceId, now })).toEqual(computeCoverage({ snapshot, now }));
  for (const system of ws.systems.slice(0, 2)) {
    const scope = { systemIds: [system.id] };
    expect(await getCoverage({ workspaceId, now, scope })).toEqual(
      computeCoverage({ snapshot, now, scope }),
    );
  }
  const scope = { deploymentModel: MODELS[0]! };
  expect(await getCoverage({ workspaceId, now, scope })).toEqual(
    computeCoverage({ snapshot, now, scope }),
  );
  // Every system's own numbers, as the stored rows hold them.
  const bySystem = await getCoverageBy({ workspaceId, now, groupBy: "system" });
  for (const row of bySystem) {
    const { key, label, ...summary } = row;
    void label;
    expect(summary).toEqual(computeCoverage({ snapshot, now, scope: { systemIds: [key!] } }));
  }
}

describe("stored system coverage stays exact across writes and time", () => {
  it("equals the reference after every write and at every instant", async () => {
    await fc.assert(
      fc.asyncProperty(
        workspaceArbitrary,
        fc.array(stepArbitrary, { minLength: 4, maxLength: 14 }),
        async (fixture, steps) => {
          const workspaceId = await writeWorkspace(fixture);
          const ws: MutableSnapshot = {
            systems: fixture.systems.map((s) => ({ ...s })),
            responsibilities: fixture.responsibilities,
            parts: fixture.parts.map((p) => ({ ...p })),
            evidence: fixture.evidence.map((e) => ({ ...e })),
            evidenceLinks: fixture.evidenceLinks.map((l) => ({ ...l })),
          };
          const vendors = Object.keys(fixture.vendorNames);
          // Fill the stored rows first, so every later write has something to make stale.
          await expectAgreement(workspaceId, ws, NOW);
          for (const step of steps) {
            if (step.kind === "read") {
              forceStalePlanForTests(step.plan);
              try {
                await expectAgreement(
                  workspaceId,
                  ws,
                  READ_INSTANTS[step.instant % READ_INSTANTS.length]!,
                );
              } finally {
                forceStalePlanForTests(null);
              }
            } else {
              await apply(step, ws, workspaceId, vendors);
              await expectAgreement(workspaceId, ws, NOW);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);

  it("stores one row per active system and reuses it until something changes", async () => {
    const fixture = fc.sample(
      workspaceArbitrary.filter((f) => f.parts.length > 0),
      { numRuns: 1, seed: 7 },
    )[0]!;
    const workspaceId = await writeWorkspace(fixture);
    await getCoverage({ workspaceId, now: NOW });
    const stored = await db.systemCoverage.findMany({ where: { workspaceId } });
    const active = fixture.systems.filter((s) => !s.archived && s.lifecycle !== "RETIRED");
    expect(stored.map((r) => r.systemId).sort()).toEqual(active.map((s) => s.id).sort());

    // A second read at the same instant changes nothing: the rows answered.
    await getCoverage({ workspaceId, now: NOW });
    expect(await db.systemCoverage.findMany({ where: { workspaceId } })).toEqual(stored);

    // A write to one part bumps only its system's generation.
    const part = fixture.parts[0]!;
    const systemId = fixture.responsibilities.find((r) => r.id === part.responsibilityId)!.systemId;
    const before = await db.aiSystem.findMany({
      where: { workspaceId },
      select: { id: true, coverageGeneration: true },
    });
    await db.duty.update({
      where: { id: part.id },
      data: { status: part.status === "IMPLEMENTED" ? "IN_PROGRESS" : "IMPLEMENTED" },
    });
    const after = await db.aiSystem.findMany({
      where: { workspaceId },
      select: { id: true, coverageGeneration: true },
    });
    for (const row of after) {
      const old = before.find((b) => b.id === row.id)!;
      expect(row.coverageGeneration).toBe(old.coverageGeneration + (row.id === systemId ? 1 : 0));
    }
    // A due date is not part of the definition: no bump.
    await db.duty.update({ where: { id: part.id }, data: { dueDate: at(9) } });
    expect(
      (await db.aiSystem.findUniqueOrThrow({ where: { id: systemId } })).coverageGeneration,
    ).toBe(after.find((r) => r.id === systemId)!.coverageGeneration);
  });

  // Each instant the definition tests, alone in its workspace, ends the stored row's window:
  // without any write, a read 1 ms after it must not be answered by the row stored before it.
  const OWN_INSTANTS: [string, (ws: ReturnType<typeof snapshotBuilder>) => void][] = [
    [
      "a vendor attestation's end",
      (ws) => {
        const vendorId = ws.addVendor("Vendor");
        ws.addDuty({ system: ws.addSystem({ vendorId }), value: "P" });
        ws.addEvidence({ kind: "ATTESTATION", vendorId, validUntil: at(1) });
      },
    ],
    [
      "a linked attestation's end",
      (ws) => {
        const [part] = ws.addDuty({ system: ws.addSystem(), value: "P" });
        ws.addLink(part!, ws.addEvidence({ kind: "ATTESTATION", validUntil: at(1) }));
      },
    ],
    [
      "linked evidence's end",
      (ws) => {
        const [part] = ws.addDuty({ system: ws.addSystem(), value: "C" });
        Object.assign(part!, { ownerId: "owner-ada", status: "IMPLEMENTED" });
        ws.addLink(part!, ws.addEvidence({ validUntil: at(1) }));
      },
    ],
    [
      "a risk acceptance's expiry",
      (ws) => {
        const [part] = ws.addDuty({ system: ws.addSystem(), value: "C" });
        Object.assign(part!, {
          ownerId: "owner-ada",
          status: "RISK_ACCEPTED",
          justification: "accepted",
          riskApproverId: "owner-ada",
          riskAcceptanceExpiresAt: at(1),
        });
      },
    ],
  ];
  for (const [name, build] of OWN_INSTANTS)
    it(`a stored row stops answering 1 ms after ${name}`, async () => {
      const ws = snapshotBuilder();
      build(ws);
      const workspaceId = await writeWorkspace(ws);
      const end = at(1);
      for (const now of [NOW, end, new Date(end.getTime() + 1), NOW]) {
        for (const plan of ["one by one", "together"] as const) {
          forceStalePlanForTests(plan);
          try {
            expect(await getCoverage({ workspaceId, now })).toEqual(
              computeCoverage({ snapshot: ws, now }),
            );
          } finally {
            forceStalePlanForTests(null);
          }
        }
      }
      const covered = (now: Date) => computeCoverage({ snapshot: ws, now }).coveredDuties;
      expect([covered(end), covered(new Date(end.getTime() + 1))]).toEqual([1, 0]);
    });

  // Needs a second session holding the lock while the reader runs: not on the embedded database,
  // whose one session runs transactions one after another.
  it.skipIf(inject("databaseKind") !== "postgres")(
    "a reader that cannot get the storing lock at once answers all the same and stores nothing",
    async () => {
      const fixture = fc.sample(
        workspaceArbitrary.filter(
          (f) =>
            f.parts.length > 0 && f.systems.some((s) => !s.archived && s.lifecycle !== "RETIRED"),
        ),
        { numRuns: 1, seed: 11 },
      )[0]!;
      const workspaceId = await writeWorkspace(fixture);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const holder = db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORING_LOCK}::int, hashtext(${workspaceId}))`;
        holding();
        await released;
      });
      await held;
      try {
        expect(await getCoverage({ workspaceId, now: NOW })).toEqual(
          computeCoverage({ snapshot: fixture, now: NOW }),
        );
        expect(await db.systemCoverage.count({ where: { workspaceId } })).toBe(0);
      } finally {
        release();
        await holder;
      }
      await getCoverage({ workspaceId, now: NOW });
      expect(await db.systemCoverage.count({ where: { workspaceId } })).toBeGreaterThan(0);
    },
  );
});
