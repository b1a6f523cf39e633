// Two workspaces: workspace A's coverage, groups, gap list and heat map never count B's rows, even
// when B holds an attestation for a vendor of the same name, an attestation pointing at A's vendor
// id, or link rows that point across tenants. B keeps its own numbers (the positive control).
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getHeatmap } from "@/lib/server/coverage/get-heatmap";
import { getTrend } from "@/lib/server/coverage/get-trend";
import { takeDailySnapshot } from "@/lib/server/coverage/take-daily-snapshot";
import { NOW, snapshotBuilder, writeWorkspace } from "@/tests/support/coverage-fixtures";

let a: { workspaceId: string; vendorId: string; customerDutyId: string };
let b: { workspaceId: string };

beforeAll(async () => {
  // A: one Shared duty at vendor "Acme", owned and implemented, with no evidence of its own.
  const wsA = snapshotBuilder();
  const acmeA = wsA.addVendor("Acme");
  const [customer] = wsA.addDuty({
    system: wsA.addSystem({ name: "A system", vendorId: acmeA }),
    value: "S",
  });
  Object.assign(customer!, { ownerId: "owner-cy", status: "IMPLEMENTED" });
  wsA.memberOwners = []; // owner-cy is a member of B only: A must not show B's member's name
  a = { workspaceId: await writeWorkspace(wsA), vendorId: acmeA, customerDutyId: customer!.id };

  // B: its own "Acme" with a current attestation, and everything covered.
  const wsB = snapshotBuilder();
  const acmeB = wsB.addVendor("Acme");
  const [customerB] = wsB.addDuty({
    system: wsB.addSystem({ name: "B system", vendorId: acmeB }),
    value: "S",
  });
  Object.assign(customerB!, { ownerId: "owner-cy", status: "IMPLEMENTED" });
  const fileB = wsB.addEvidence();
  wsB.addLink(customerB!, fileB);
  wsB.addEvidence({ kind: "ATTESTATION", vendorId: acmeB });
  wsB.memberOwners = ["owner-cy"];
  b = { workspaceId: await writeWorkspace(wsB) };

  // Rows that a buggy query could pick up: B's attestation naming A's vendor id, B's link between
  // A's own file and A's part, and links between A's part and B's evidence under either workspace.
  await db.evidence.create({
    data: {
      workspaceId: b.workspaceId,
      kind: "ATTESTATION",
      title: "B holds A's vendor",
      vendorId: a.vendorId,
    },
  });
  await db.evidenceLink.create({
    data: { workspaceId: b.workspaceId, evidenceId: fileB.id, dutyId: a.customerDutyId },
  });
  const unlinkedA = await db.evidence.create({
    data: { workspaceId: a.workspaceId, kind: "FILE", title: "A's file, linked only by B" },
  });
  await db.evidenceLink.create({
    data: { workspaceId: b.workspaceId, evidenceId: unlinkedA.id, dutyId: a.customerDutyId },
  });
  const strayFile = await db.evidence.create({
    data: { workspaceId: b.workspaceId, kind: "FILE", title: "B's file" },
  });
  await db.evidenceLink.create({
    data: { workspaceId: a.workspaceId, evidenceId: strayFile.id, dutyId: a.customerDutyId },
  });
});

describe("coverage isolation between workspaces", () => {
  it("A's coverage counts none of B's evidence, vendors or links", async () => {
    expect(await getCoverage({ workspaceId: a.workspaceId, now: NOW })).toMatchObject({
      totalDuties: 2,
      coveredDuties: 0,
      evidencedRate: 0,
      providerAssuredRate: 0,
    });
    expect(await getCoverage({ workspaceId: b.workspaceId, now: NOW })).toMatchObject({
      totalDuties: 2,
      coveredDuties: 2,
      coverage: 1,
    });
  });

  it("A's gap list lists only A's parts, with no name for a non-member owner", async () => {
    const gaps = await getGapList({ workspaceId: a.workspaceId, now: NOW });
    expect(gaps.total).toBe(2);
    expect(gaps.rows.map((g) => [g.systemName, g.side, g.reasons, g.ownerName])).toEqual([
      ["A system", "CUSTOMER", ["NO_CURRENT_EVIDENCE"], null],
      ["A system", "PROVIDER", ["NO_ATTESTATION"], null],
    ]);
    expect((await getGapList({ workspaceId: b.workspaceId, now: NOW })).total).toBe(0);
  });

  it("A's groups and heat map contain only A's systems and vendors", async () => {
    const byVendor = await getCoverageBy({
      workspaceId: a.workspaceId,
      groupBy: "vendor",
      now: NOW,
    });
    expect(byVendor.map((g) => [g.key, g.label, g.coveredDuties])).toEqual([
      [a.vendorId, "Acme", 0],
    ]);
    const byOwner = await getCoverageBy({ workspaceId: a.workspaceId, groupBy: "owner", now: NOW });
    expect(byOwner.map((g) => [g.key, g.label])).toEqual([
      ["owner-cy", null],
      [null, null],
    ]);
    const cells = await getHeatmap({ workspaceId: a.workspaceId, now: NOW });
    expect(cells.map((c) => [c.systemName, c.state])).toEqual([["A system", "gap"]]);
    const cellsB = await getHeatmap({ workspaceId: b.workspaceId, now: NOW });
    expect(cellsB.map((c) => [c.systemName, c.state])).toEqual([["B system", "covered"]]);
  });

  it("another workspace's ids in the scope match nothing", async () => {
    const bSystems = await db.aiSystem.findMany({ where: { workspaceId: b.workspaceId } });
    expect(
      await getCoverage({
        workspaceId: a.workspaceId,
        now: NOW,
        scope: { systemIds: bSystems.map((s) => s.id) },
      }),
    ).toMatchObject({ totalDuties: 0, coverage: null });
  });

  it("A's snapshot and trend hold A's numbers only", async () => {
    await takeDailySnapshot({ workspaceId: a.workspaceId, now: NOW });
    await takeDailySnapshot({ workspaceId: b.workspaceId, now: NOW });
    expect(await getTrend({ workspaceId: a.workspaceId, days: 1, now: NOW })).toEqual([
      expect.objectContaining({ day: "2026-03-15", totalDuties: 2, coveredDuties: 0 }),
    ]);
  });
});
