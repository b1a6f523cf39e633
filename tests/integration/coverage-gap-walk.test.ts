// The gap list's ways of reading a page (lib/server/coverage/get-gap-list.ts): the walk through
// the part's gap-order index with the total from stored system counts, the fallback when the walk
// is not worth it, and the statement that evaluates every part, must give the reference's page
// and total for any system-level scope and filter, page size and offset. Random workspaces go through random writes, among
// them every write that changes a gap-order key kept on the part by triggers (a system's name
// or risk tier, a responsibility's critical flag, a due date, new parts, direct writes to the
// copies), and reads at instants on both sides of every expiry. After each step the copies
// must equal their sources.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { type Gap, gapList } from "@/lib/domain/coverage-reference";
import type {
  CoverageScope,
  SnapshotDuty,
  SnapshotResponsibility,
  SnapshotSystem,
  WorkspaceSnapshot,
} from "@/lib/domain/coverage-snapshot";
import { dutiesFor } from "@/lib/domain/derivation";
import {
  DUTY_STATUSES,
  RISK_TIERS,
  type RiskTier,
  riskTierRank,
} from "@/lib/domain/responsibility";
import {
  forceGapPathForTests,
  type GapFilters,
  type GapPath,
  getGapList,
} from "@/lib/server/coverage/get-gap-list";
import {
  at,
  DOMAINS,
  INSTANTS,
  MODELS,
  NOW,
  OWNERS,
  workspaceArbitrary,
  writeWorkspace,
} from "@/tests/support/coverage-fixtures";

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
];
/** Names whose code-unit order differs from a locale's (case, accents, digits, punctuation). */
const NAMES = ["Alpha", "alpha", "Beta", "Ärzte", "_x", "Zed", "10", "9", "b"];
const PATHS: GapPath[] = ["walk", "fallback", "statement"];

const pick = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

const readArbitrary = fc.record({
  instant: fc.nat(),
  scope: fc.oneof(
    { arbitrary: fc.constant({}), weight: 3 },
    { arbitrary: fc.record({ deploymentModel: fc.constantFrom(...MODELS) }), weight: 1 },
    { arbitrary: fc.record({ vendor: fc.nat(1) }), weight: 1 },
  ),
  model: fc.option(fc.constantFrom(...MODELS), { freq: 4 }),
  riskTier: fc.option(fc.constantFrom<RiskTier | "none">("none", ...RISK_TIERS), { freq: 3 }),
  offset: fc.oneof(fc.constant(0), fc.nat(30)),
  limit: fc.integer({ min: 1, max: 12 }),
});

const stepArbitrary = fc.oneof(
  fc.record({ kind: fc.constant("read" as const), read: readArbitrary }),
  fc.record({
    kind: fc.constant("system" as const),
    index: fc.nat(),
    name: fc.option(fc.constantFrom(...NAMES)),
    riskTier: fc.option(fc.constantFrom<RiskTier | "none">("none", ...RISK_TIERS)),
  }),
  fc.record({ kind: fc.constant("critical" as const), index: fc.nat(), critical: fc.boolean() }),
  fc.record({
    kind: fc.constant("part" as const),
    index: fc.nat(),
    dueDate: fc.constantFrom(...INSTANTS),
    owner: fc.constantFrom(null, ...OWNERS),
    status: fc.constantFrom(...DUTY_STATUSES),
  }),
  fc.record({
    kind: fc.constant("evidence" as const),
    index: fc.nat(),
    validUntil: fc.constantFrom(...INSTANTS),
  }),
  fc.record({
    kind: fc.constant("duty" as const),
    index: fc.nat(),
    domain: fc.constantFrom(...DOMAINS, "zeta", "Zeta"),
    critical: fc.boolean(),
    dueDate: fc.constantFrom(...INSTANTS),
  }),
  fc.record({ kind: fc.constant("tamper" as const), index: fc.nat() }),
);

type Step = typeof stepArbitrary extends fc.Arbitrary<infer T> ? T : never;
type Read = Extract<Step, { kind: "read" }>["read"];

type State = {
  workspaceId: string;
  vendors: string[];
  systems: SnapshotSystem[];
  responsibilities: SnapshotResponsibility[];
  parts: SnapshotDuty[];
  snapshot: () => WorkspaceSnapshot;
};

const tierOf = (value: RiskTier | "none") => (value === "none" ? null : value);

async function apply(step: Exclude<Step, { kind: "read" }>, ws: State) {
  switch (step.kind) {
    case "system": {
      const system = pick(ws.systems, step.index);
      if (!system) return;
      const data: { name?: string; riskTier?: RiskTier | null } = {};
      if (step.name !== null) data.name = system.name = step.name;
      if (step.riskTier !== null) data.riskTier = system.riskTier = tierOf(step.riskTier);
      await db.aiSystem.update({ where: { id: system.id }, data });
      return;
    }
    case "critical": {
      const responsibility = pick(ws.responsibilities, step.index);
      if (!responsibility) return;
      responsibility.critical = step.critical;
      await db.responsibility.update({
        where: { id: responsibility.id },
        data: { critical: step.critical },
      });
      return;
    }
    case "part": {
      const part = pick(ws.parts, step.index);
      if (!part) return;
      Object.assign(part, { dueDate: step.dueDate, ownerId: step.owner, status: step.status });
      await db.duty.update({
        where: { id: part.id },
        data: { dueDate: step.dueDate, ownerId: step.owner, status: step.status },
      });
      return;
    }
    case "evidence": {
      const snapshot = ws.snapshot();
      const item = pick(snapshot.evidence, step.index);
      if (!item) return;
      item.validUntil = step.validUntil;
      await db.evidence.update({
        where: { id: item.id },
        data: { validUntil: step.validUntil },
      });
      return;
    }
    case "duty": {
      // A new responsibility with its parts: the insert trigger fills in the copies.
      const system = pick(ws.systems, step.index);
      if (!system) return;
      const taken = ws.responsibilities.some(
        (r) => r.systemId === system.id && r.domainKey === step.domain,
      );
      if (taken) return;
      const responsibility: SnapshotResponsibility = {
        id: `${system.id}-${step.domain}`,
        systemId: system.id,
        domainKey: step.domain,
        value: "S",
        critical: step.critical,
      };
      const parts = dutiesFor("S").map((side): SnapshotDuty => ({
        id: `${responsibility.id}-${side}`,
        responsibilityId: responsibility.id,
        side,
        ownerId: null,
        status: "NOT_STARTED",
        justification: null,
        dueDate: step.dueDate,
        riskAcceptanceExpiresAt: null,
        riskApproverId: null,
      }));
      await db.responsibility.create({
        data: {
          id: responsibility.id,
          workspaceId: ws.workspaceId,
          systemId: system.id,
          domainKey: step.domain,
          derivedValue: "S",
          value: "S",
          critical: step.critical,
        },
      });
      await db.duty.createMany({
        data: parts.map((p) => ({
          ...p,
          workspaceId: ws.workspaceId,
          systemId: system.id,
          domainKey: step.domain,
        })),
      });
      ws.responsibilities.push(responsibility);
      ws.parts.push(...parts);
      return;
    }
    case "tamper": {
      // A write path that sets the copies itself: the trigger puts the sources' values back.
      const part = pick(ws.parts, step.index);
      if (!part) return;
      await db.duty.update({
        where: { id: part.id },
        data: { critical: true, riskTierRank: 0, systemName: "tampered" },
      });
      return;
    }
  }
}

/** Every part's copies equal the responsibility's and the system's values. */
async function expectCopiesInSync(ws: State) {
  const rows = await db.duty.findMany({
    where: { workspaceId: ws.workspaceId },
    select: { id: true, critical: true, riskTierRank: true, systemName: true },
    orderBy: { id: "asc" },
  });
  const responsibilities = new Map(ws.responsibilities.map((r) => [r.id, r]));
  const systems = new Map(ws.systems.map((s) => [s.id, s]));
  const expected = [...ws.parts]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      const r = responsibilities.get(p.responsibilityId)!;
      const s = systems.get(r.systemId)!;
      return {
        id: p.id,
        critical: r.critical,
        riskTierRank: riskTierRank(s.riskTier),
        systemName: s.name,
      };
    });
  expect(rows).toEqual(expected);
}

async function expectPages(ws: State, read: Read) {
  const now = READ_INSTANTS[read.instant % READ_INSTANTS.length]!;
  const scope: CoverageScope =
    "vendor" in read.scope
      ? { vendorId: ws.vendors[read.scope.vendor] }
      : (read.scope as CoverageScope);
  const filters: GapFilters = {};
  if (read.model !== null) filters.model = read.model;
  if (read.riskTier !== null) filters.riskTier = tierOf(read.riskTier);
  const snapshot = ws.snapshot();
  const systems = new Map(snapshot.systems.map((s) => [s.id, s]));
  const expected = gapList({ snapshot, now, scope }).filter(
    (g) =>
      (filters.model === undefined ||
        systems.get(g.systemId)!.deploymentModels.includes(filters.model)) &&
      (filters.riskTier === undefined || g.riskTier === filters.riskTier),
  );
  for (const path of PATHS) {
    forceGapPathForTests(path);
    try {
      const page = await getGapList({
        workspaceId: ws.workspaceId,
        now,
        scope,
        filters,
        limit: read.limit,
        offset: read.offset,
      });
      expect({ path, total: page.total }).toEqual({ path, total: expected.length });
      const rows = page.rows.map((row): Gap => {
        const gap: Gap & { ownerName?: string | null } = { ...row };
        delete gap.ownerName;
        return gap;
      });
      expect({ path, rows }).toEqual({
        path,
        rows: expected.slice(read.offset, read.offset + read.limit),
      });
    } finally {
      forceGapPathForTests(null);
    }
  }
  // Unforced: whichever path the engine picks gives the same page.
  const page = await getGapList({
    workspaceId: ws.workspaceId,
    now,
    scope,
    filters,
    limit: read.limit,
    offset: read.offset,
  });
  expect(page.total).toBe(expected.length);
  expect(page.rows.map((row) => row.dutyId)).toEqual(
    expected.slice(read.offset, read.offset + read.limit).map((g) => g.dutyId),
  );
}

describe("gap list: index walk ≡ full evaluation ≡ reference", () => {
  it("gives the reference's pages after writes to any gap-order key, at any instant", async () => {
    await fc.assert(
      fc.asyncProperty(
        workspaceArbitrary,
        fc.array(stepArbitrary, { minLength: 3, maxLength: 12 }),
        readArbitrary,
        async (fixture, steps, firstRead) => {
          const workspaceId = await writeWorkspace(fixture);
          const systems = fixture.systems.map((s) => ({ ...s }));
          const responsibilities = fixture.responsibilities.map((r) => ({ ...r }));
          const parts = fixture.parts.map((p) => ({ ...p }));
          const evidence = fixture.evidence.map((e) => ({ ...e }));
          const ws: State = {
            workspaceId,
            vendors: Object.keys(fixture.vendorNames),
            systems,
            responsibilities,
            parts,
            snapshot: () => ({
              systems,
              responsibilities,
              parts,
              evidence,
              evidenceLinks: fixture.evidenceLinks,
            }),
          };
          await expectCopiesInSync(ws);
          await expectPages(ws, firstRead);
          for (const step of steps) {
            if (step.kind === "read") {
              await expectPages(ws, step.read);
              continue;
            }
            await apply(step, ws);
            await expectCopiesInSync(ws);
            await expectPages(ws, { ...firstRead, instant: 0 });
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);
});
