// One test per edge of the coverage definitions (docs/glossary.md), run through
// the SQL engine on a real database. Each also checks the reference agrees, so a change to either
// side shows up here with a concrete example.
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { computeCoverage, gapList } from "@/lib/domain/coverage-reference";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getHeatmap } from "@/lib/server/coverage/get-heatmap";
import { at, NOW, snapshotBuilder, writeWorkspace } from "@/tests/support/coverage-fixtures";

type Fixture = ReturnType<typeof snapshotBuilder>;

/** Writes the fixture, then returns the engine's coverage and gap reasons (checked against the reference). */
async function evaluate(ws: Fixture, now = NOW) {
  const workspaceId = await writeWorkspace(ws);
  const coverage = await getCoverage({ workspaceId, now });
  const gaps = await getGapList({ workspaceId, now, limit: 100 });
  expect(coverage).toEqual(computeCoverage({ snapshot: ws, now }));
  expect(gaps.rows).toEqual(
    gapList({ snapshot: ws, now }).map((gap) => ({
      ...gap,
      // every owner is a member in these fixtures, so each named owner shows a name
      ownerName: gap.ownerId === null ? null : `Name of ${gap.ownerId}`,
    })),
  );
  return { workspaceId, coverage, reasons: gaps.rows.map((g) => g.reasons) };
}

/** An owned, IMPLEMENTED customer part: only its evidence decides coverage. */
function implementedDuty(ws: Fixture) {
  const [part] = ws.addDuty({ system: ws.addSystem(), value: "C" });
  Object.assign(part!, { ownerId: "owner-ada", status: "IMPLEMENTED" });
  return part!;
}

describe("coverage edges (SQL engine)", () => {
  it("expired evidence does not count; valid until exactly now still does", async () => {
    const ws = snapshotBuilder();
    ws.addLink(implementedDuty(ws), ws.addEvidence({ validUntil: new Date(NOW.getTime() - 1) }));
    ws.addLink(implementedDuty(ws), ws.addEvidence({ validUntil: NOW }));
    const { coverage, reasons } = await evaluate(ws);
    expect(coverage).toMatchObject({ totalDuties: 2, coveredDuties: 1, evidencedRate: 0.5 });
    expect(reasons).toEqual([["EVIDENCE_EXPIRED"]]);
  });

  it("superseded evidence does not count; its newer revision does", async () => {
    const ws = snapshotBuilder();
    const newer = ws.addEvidence();
    const older = ws.addEvidence({ supersededById: newer.id });
    ws.addLink(implementedDuty(ws), older);
    const both = implementedDuty(ws);
    ws.addLink(both, older);
    ws.addLink(both, newer);
    const { coverage, reasons } = await evaluate(ws);
    expect(coverage).toMatchObject({ totalDuties: 2, coveredDuties: 1 });
    expect(reasons).toEqual([["NO_CURRENT_EVIDENCE"]]);
  });

  it("rejected and soft-deleted evidence do not count; evidence pending review does", async () => {
    const ws = snapshotBuilder();
    ws.addLink(implementedDuty(ws), ws.addEvidence({ reviewStatus: "REJECTED" }));
    ws.addLink(implementedDuty(ws), ws.addEvidence({ deletedAt: at(-1) }));
    ws.addLink(implementedDuty(ws), ws.addEvidence({ reviewStatus: "PENDING" }));
    const { coverage, reasons } = await evaluate(ws);
    expect(coverage).toMatchObject({ totalDuties: 3, coveredDuties: 1 });
    expect(reasons).toEqual([["NO_CURRENT_EVIDENCE"], ["NO_CURRENT_EVIDENCE"]]);
  });

  it("risk acceptance covers until its expiry and is a gap past it", async () => {
    const ws = snapshotBuilder();
    const accepted = {
      ownerId: "owner-ada",
      status: "RISK_ACCEPTED" as const,
      justification: "compensating control",
      riskApproverId: "owner-bo",
    };
    const [valid] = ws.addDuty({ system: ws.addSystem({ name: "valid" }) });
    const [lapsed] = ws.addDuty({ system: ws.addSystem({ name: "lapsed" }) });
    Object.assign(valid!, accepted, { riskAcceptanceExpiresAt: NOW });
    Object.assign(lapsed!, accepted, { riskAcceptanceExpiresAt: new Date(NOW.getTime() - 1) });
    const { coverage, reasons } = await evaluate(ws);
    expect(coverage).toMatchObject({ totalDuties: 2, coveredDuties: 1, implementedRate: 0 });
    expect(reasons).toEqual([["ACCEPTANCE_EXPIRED"]]);
  });

  it("a Shared duty covered on one side only is half covered and 'partly' on the heat map", async () => {
    const ws = snapshotBuilder();
    const [customer] = ws.addDuty({ system: ws.addSystem(), value: "S" });
    Object.assign(customer!, { ownerId: "owner-ada", status: "IMPLEMENTED" });
    ws.addLink(customer!, ws.addEvidence());
    const { workspaceId, coverage, reasons } = await evaluate(ws);
    expect(coverage).toMatchObject({ totalDuties: 2, coveredDuties: 1, coverage: 0.5 });
    expect(coverage).toMatchObject({
      customerDuties: 1,
      providerDuties: 1,
      providerAssuredRate: 0,
    });
    expect(reasons).toEqual([["NO_ATTESTATION"]]);
    expect(await getHeatmap({ workspaceId, now: NOW })).toEqual([
      expect.objectContaining({ value: "S", totalDuties: 2, coveredDuties: 1, state: "partly" }),
    ]);
  });

  it("an NA cell overridden to C is a customer duty that counts; a plain NA cell does not", async () => {
    const ws = snapshotBuilder();
    const system = ws.addSystem();
    ws.addDuty({ system, domainKey: "agents", value: "C" });
    ws.addDuty({ system, domainKey: "data", value: "NA" });
    const { workspaceId, coverage, reasons } = await evaluate(ws);
    await db.responsibility.updateMany({
      where: { workspaceId, domainKey: "agents" },
      data: { derivedValue: "NA", overrideValue: "C", overrideJustification: "we run agents" },
    });
    expect(coverage).toMatchObject({ totalDuties: 1, customerDuties: 1, coverage: 0 });
    expect(reasons).toEqual([["NO_OWNER", "NOT_IMPLEMENTED", "NO_CURRENT_EVIDENCE"]]);
    expect(await getCoverage({ workspaceId, now: NOW })).toEqual(coverage);
    const cells = await getHeatmap({ workspaceId, now: NOW });
    expect(cells.map((c) => [c.domainKey, c.value, c.state])).toEqual([
      ["agents", "C", "gap"],
      ["data", "NA", "not_applicable"],
    ]);
  });

  it("archived and retired systems are excluded everywhere; planned and pilot ones count", async () => {
    const ws = snapshotBuilder();
    for (const over of [
      { name: "archived", archived: true },
      { name: "retired", lifecycle: "RETIRED" as const },
      { name: "planned", lifecycle: "PLANNED" as const },
      { name: "pilot", lifecycle: "PILOT" as const },
    ])
      ws.addDuty({ system: ws.addSystem(over) });
    const { workspaceId, coverage } = await evaluate(ws);
    expect(coverage.totalDuties).toBe(2);
    const bySystem = await getCoverageBy({ workspaceId, groupBy: "system", now: NOW });
    expect(bySystem.map((g) => g.label).sort()).toEqual(["pilot", "planned"]);
    const cells = await getHeatmap({ workspaceId, now: NOW });
    expect(cells.map((c) => c.systemName)).toEqual(["pilot", "planned"]);
  });

  it("a current vendor attestation assures the provider parts of that vendor's systems only", async () => {
    const ws = snapshotBuilder();
    const acme = ws.addVendor("Acme");
    const other = ws.addVendor("Other");
    const lapsed = ws.addVendor("Lapsed");
    ws.addDuty({ system: ws.addSystem({ name: "a-acme", vendorId: acme }), value: "P" });
    ws.addDuty({ system: ws.addSystem({ name: "b-other", vendorId: other }), value: "P" });
    ws.addDuty({ system: ws.addSystem({ name: "c-lapsed", vendorId: lapsed }), value: "P" });
    ws.addDuty({ system: ws.addSystem({ name: "d-none" }), value: "P" });
    ws.addEvidence({ kind: "ATTESTATION", vendorId: acme, validUntil: at(200) });
    ws.addEvidence({ kind: "FILE", vendorId: other }); // not an attestation: does not assure
    ws.addEvidence({ kind: "ATTESTATION", vendorId: lapsed, validUntil: at(-1) });
    const { workspaceId, coverage, reasons } = await evaluate(ws);
    expect(coverage).toMatchObject({
      providerDuties: 4,
      coveredDuties: 1,
      providerAssuredRate: 0.25,
    });
    expect(reasons).toEqual([["NO_ATTESTATION"], ["EVIDENCE_EXPIRED"], ["NO_ATTESTATION"]]);
    const byVendor = await getCoverageBy({ workspaceId, groupBy: "vendor", now: NOW });
    expect(byVendor.map((g) => [g.label, g.coveredDuties, g.totalDuties])).toEqual(
      expect.arrayContaining([
        ["Acme", 1, 1],
        ["Other", 0, 1],
        [null, 0, 1],
      ]),
    );
  });

  it("a part counts once under each of its system's deployment models", async () => {
    const ws = snapshotBuilder();
    ws.addDuty({ system: ws.addSystem({ deploymentModels: ["saas", "agents", "saas"] }) });
    const { workspaceId } = await evaluate(ws);
    const byModel = await getCoverageBy({ workspaceId, groupBy: "deploymentModel", now: NOW });
    expect(byModel.map((g) => [g.key, g.totalDuties])).toEqual([
      ["agents", 1],
      ["saas", 1],
    ]);
    expect(
      await getCoverage({ workspaceId, now: NOW, scope: { deploymentModel: "iaas" } }),
    ).toEqual(expect.objectContaining({ totalDuties: 0, coverage: null }));
  });
});
