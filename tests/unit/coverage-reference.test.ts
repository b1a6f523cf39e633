import { describe, expect, it } from "vitest";

import { computeCoverage, gapList } from "@/lib/domain/coverage-reference";
import type {
  SnapshotDuty,
  SnapshotEvidence,
  SnapshotResponsibility,
  SnapshotSystem,
  WorkspaceSnapshot,
} from "@/lib/domain/coverage-snapshot";
import { deriveResponsibilities } from "@/lib/domain/derivation";
import type { DutySide } from "@/lib/domain/responsibility";

const NOW = new Date("2025-06-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const past = new Date(NOW.getTime() - DAY);
const future = new Date(NOW.getTime() + 90 * DAY);

type Builder = WorkspaceSnapshot & {
  addSystem: (over?: Partial<SnapshotSystem>) => SnapshotSystem;
  addDuty: (input: {
    system: SnapshotSystem;
    domainKey?: string;
    critical?: boolean;
    sides: DutySide[];
  }) => SnapshotDuty[];
  addEvidence: (over?: Partial<SnapshotEvidence>) => SnapshotEvidence;
  addLink: (part: SnapshotDuty, evidence: SnapshotEvidence) => void;
};

function workspace(): Builder {
  let seq = 0;
  const id = (prefix: string) => `${prefix}${++seq}`;
  const ws: Builder = {
    systems: [],
    responsibilities: [],
    parts: [],
    evidence: [],
    evidenceLinks: [],
    addSystem(over = {}) {
      const s: SnapshotSystem = {
        id: id("sys"),
        name: `System ${seq}`,
        archived: false,
        lifecycle: "PRODUCTION",
        riskTier: "MEDIUM",
        vendorId: null,
        deploymentModels: ["saas"],
        ...over,
      };
      (ws.systems as SnapshotSystem[]).push(s);
      return s;
    },
    addDuty({ system, domainKey = "governance", critical = false, sides }) {
      const r: SnapshotResponsibility = {
        id: id("resp"),
        systemId: system.id,
        domainKey,
        value: "C",
        critical,
      };
      (ws.responsibilities as SnapshotResponsibility[]).push(r);
      return sides.map((side) => {
        const p: SnapshotDuty = {
          id: id("part"),
          responsibilityId: r.id,
          side,
          ownerId: null,
          status: "NOT_STARTED",
          justification: null,
          dueDate: null,
          riskAcceptanceExpiresAt: null,
          riskApproverId: null,
        };
        (ws.parts as SnapshotDuty[]).push(p);
        return p;
      });
    },
    addEvidence(over = {}) {
      const e: SnapshotEvidence = {
        id: id("ev"),
        kind: "FILE",
        reviewStatus: "ACCEPTED",
        supersededById: null,
        validUntil: null,
        deletedAt: null,
        vendorId: null,
        ...over,
      };
      (ws.evidence as SnapshotEvidence[]).push(e);
      return e;
    },
    addLink(part, evidence) {
      (ws.evidenceLinks as { dutyId: string; evidenceId: string }[]).push({
        dutyId: part.id,
        evidenceId: evidence.id,
      });
    },
  };
  return ws;
}

/** One customer part, owned and IMPLEMENTED, so only its evidence decides coverage. */
function implementedDuty(ws: Builder): SnapshotDuty {
  const [part] = ws.addDuty({ system: ws.addSystem(), sides: ["CUSTOMER"] });
  Object.assign(part!, { ownerId: "alice", status: "IMPLEMENTED" });
  return part!;
}

const coverage = (ws: WorkspaceSnapshot) => computeCoverage({ snapshot: ws, now: NOW });
const reasons = (ws: WorkspaceSnapshot) =>
  gapList({ snapshot: ws, now: NOW }).map((g) => g.reasons);

describe("coverage reference", () => {
  it("an empty scope has null coverage, not 0 or 1", () => {
    expect(coverage(workspace())).toMatchObject({
      totalDuties: 0,
      coverage: null,
      ownedRate: null,
    });
  });

  it("owned + implemented + current evidence covers a customer part", () => {
    const ws = workspace();
    ws.addLink(implementedDuty(ws), ws.addEvidence({ validUntil: future }));
    expect(coverage(ws)).toMatchObject({
      totalDuties: 1,
      coveredDuties: 1,
      coverage: 1,
      evidencedRate: 1,
    });
    expect(gapList({ snapshot: ws, now: NOW })).toEqual([]);
  });

  it("expired evidence does not count and is reported as EVIDENCE_EXPIRED", () => {
    const ws = workspace();
    ws.addLink(implementedDuty(ws), ws.addEvidence({ validUntil: past }));
    expect(coverage(ws)).toMatchObject({
      coveredDuties: 0,
      evidencedRate: 0,
      implementedRate: 1,
      ownedRate: 1,
    });
    expect(reasons(ws)).toEqual([["EVIDENCE_EXPIRED"]]);
  });

  it("superseded evidence does not count", () => {
    const ws = workspace();
    ws.addLink(implementedDuty(ws), ws.addEvidence({ supersededById: "newer" }));
    expect(coverage(ws).coveredDuties).toBe(0);
    expect(reasons(ws)).toEqual([["NO_CURRENT_EVIDENCE"]]);
  });

  it("rejected evidence and soft-deleted evidence do not count", () => {
    const ws = workspace();
    ws.addLink(implementedDuty(ws), ws.addEvidence({ reviewStatus: "REJECTED" }));
    ws.addLink(implementedDuty(ws), ws.addEvidence({ deletedAt: past }));
    expect(coverage(ws)).toMatchObject({ totalDuties: 2, coveredDuties: 0 });
    expect(reasons(ws)).toEqual([["NO_CURRENT_EVIDENCE"], ["NO_CURRENT_EVIDENCE"]]);
  });

  it("risk acceptance covers until its expiry; past expiry it is a gap", () => {
    const ws = workspace();
    const [valid] = ws.addDuty({ system: ws.addSystem(), sides: ["CUSTOMER"] });
    const [lapsed] = ws.addDuty({ system: ws.addSystem(), sides: ["CUSTOMER"] });
    const accepted = {
      ownerId: "alice",
      status: "RISK_ACCEPTED",
      justification: "compensating control",
      riskApproverId: "admin",
    };
    Object.assign(valid!, accepted, { riskAcceptanceExpiresAt: NOW });
    Object.assign(lapsed!, accepted, { riskAcceptanceExpiresAt: past });
    expect(coverage(ws)).toMatchObject({ totalDuties: 2, coveredDuties: 1, implementedRate: 0 });
    expect(gapList({ snapshot: ws, now: NOW })).toEqual([
      expect.objectContaining({ dutyId: lapsed!.id, reasons: ["ACCEPTANCE_EXPIRED"] }),
    ]);
  });

  it("risk acceptance without justification, approver or expiry names each missing piece", () => {
    const ws = workspace();
    const [part] = ws.addDuty({ system: ws.addSystem(), sides: ["CUSTOMER"] });
    Object.assign(part!, { status: "RISK_ACCEPTED", justification: "  " });
    expect(reasons(ws)).toEqual([
      ["NO_OWNER", "MISSING_JUSTIFICATION", "MISSING_APPROVER", "MISSING_ACCEPTANCE_EXPIRY"],
    ]);
  });

  it("not applicable with a justification and owner is covered", () => {
    const ws = workspace();
    const [part] = ws.addDuty({ system: ws.addSystem(), sides: ["CUSTOMER"] });
    Object.assign(part!, {
      ownerId: "alice",
      status: "NOT_APPLICABLE",
      justification: "no training data",
    });
    expect(coverage(ws).coverage).toBe(1);
  });

  it("a shared duty covered on one side only is 1 of 2 parts covered", () => {
    const ws = workspace();
    const system = ws.addSystem();
    const [customer, provider] = ws.addDuty({ system, sides: ["CUSTOMER", "PROVIDER"] });
    Object.assign(customer!, { ownerId: "alice", status: "IMPLEMENTED" });
    ws.addLink(customer!, ws.addEvidence());
    expect(coverage(ws)).toMatchObject({
      totalDuties: 2,
      coveredDuties: 1,
      coverage: 0.5,
      providerAssuredRate: 0,
    });
    expect(gapList({ snapshot: ws, now: NOW })).toEqual([
      expect.objectContaining({
        dutyId: provider!.id,
        side: "PROVIDER",
        reasons: ["NO_ATTESTATION"],
      }),
    ]);
  });

  it("a provider part needs an ATTESTATION: other evidence kinds do not assure it", () => {
    const ws = workspace();
    const [provider] = ws.addDuty({ system: ws.addSystem(), sides: ["PROVIDER"] });
    ws.addLink(provider!, ws.addEvidence({ kind: "FILE" }));
    expect(coverage(ws).coveredDuties).toBe(0);
    ws.addLink(provider!, ws.addEvidence({ kind: "ATTESTATION" }));
    expect(coverage(ws).coveredDuties).toBe(1);
  });

  it("a current vendor attestation covers provider parts of that vendor's systems only", () => {
    const ws = workspace();
    const [ofVendor] = ws.addDuty({
      system: ws.addSystem({ vendorId: "v1" }),
      sides: ["PROVIDER"],
    });
    const [otherVendor] = ws.addDuty({
      system: ws.addSystem({ vendorId: "v2" }),
      sides: ["PROVIDER"],
    });
    ws.addEvidence({ kind: "ATTESTATION", vendorId: "v1", validUntil: future });
    ws.addEvidence({ kind: "ATTESTATION", vendorId: "v2", validUntil: past });
    expect(coverage(ws)).toMatchObject({
      providerDuties: 2,
      coveredDuties: 1,
      providerAssuredRate: 0.5,
    });
    expect(gapList({ snapshot: ws, now: NOW })).toEqual([
      expect.objectContaining({ dutyId: otherVendor!.id, reasons: ["EVIDENCE_EXPIRED"] }),
    ]);
    expect(ofVendor).toBeDefined();
    expect(
      coverage({ ...ws, evidence: ws.evidence.map((e) => ({ ...e, vendorId: null })) })
        .coveredDuties,
    ).toBe(0);
  });

  it("an NA cell overridden to C creates a customer duty that counts", () => {
    const [agents] = deriveResponsibilities({
      rows: ["agents"],
      cells: [{ row: "agents", column: "iaas", value: "NA", critical: true }],
      columnKeys: ["iaas"],
      overrides: { agents: "C" },
    });
    const ws = workspace();
    const parts = ws.addDuty({
      system: ws.addSystem(),
      domainKey: "agents",
      critical: agents!.critical,
      sides: agents!.parts,
    });
    expect(parts.map((p) => p.side)).toEqual(["CUSTOMER"]);
    expect(coverage(ws)).toMatchObject({ totalDuties: 1, customerDuties: 1, coverage: 0 });
    expect(reasons(ws)).toEqual([["NO_OWNER", "NOT_IMPLEMENTED", "NO_CURRENT_EVIDENCE"]]);
  });

  it("archived and retired systems are excluded; planned and pilot systems count", () => {
    const ws = workspace();
    const cases = [
      { name: "archived", archived: true },
      { name: "retired", lifecycle: "RETIRED" as const },
      { name: "planned", lifecycle: "PLANNED" as const },
      { name: "pilot", lifecycle: "PILOT" as const },
    ];
    for (const over of cases) ws.addDuty({ system: ws.addSystem(over), sides: ["CUSTOMER"] });
    expect(coverage(ws).totalDuties).toBe(2);
    expect(gapList({ snapshot: ws, now: NOW }).map((g) => g.systemName)).toEqual([
      "pilot",
      "planned",
    ]);
  });

  it("scope filters by system, domain, deployment model, owner and vendor; an empty list matches nothing", () => {
    const ws = workspace();
    const a = ws.addSystem({ deploymentModels: ["saas", "paas"], vendorId: "v1" });
    const b = ws.addSystem({ deploymentModels: ["iaas"] });
    const [pa] = ws.addDuty({ system: a, domainKey: "data", sides: ["CUSTOMER"] });
    ws.addDuty({ system: b, domainKey: "governance", sides: ["CUSTOMER", "PROVIDER"] });
    pa!.ownerId = "alice";
    const total = (scope: object) => computeCoverage({ snapshot: ws, now: NOW, scope }).totalDuties;
    expect(total({})).toBe(3);
    expect(total({ systemIds: [b.id] })).toBe(2);
    expect(total({ systemIds: [] })).toBe(0);
    expect(total({ domainKeys: ["data"] })).toBe(1);
    expect(total({ deploymentModel: "paas" })).toBe(1);
    expect(total({ ownerId: "alice" })).toBe(1);
    expect(total({ vendorId: "v1" })).toBe(1);
  });

  it("gap list sorts by critical, risk tier (unset last), due date (none last), then name/domain/side", () => {
    const ws = workspace();
    const add = (
      name: string,
      over: {
        critical?: boolean;
        tier?: SnapshotSystem["riskTier"];
        due?: Date;
        domain?: string;
        sides?: DutySide[];
      },
    ) => {
      const system = ws.addSystem({ name, riskTier: over.tier === undefined ? "LOW" : over.tier });
      for (const part of ws.addDuty({
        system,
        domainKey: over.domain,
        critical: over.critical,
        sides: over.sides ?? ["CUSTOMER"],
      })) {
        part.dueDate = over.due ?? null;
      }
    };
    add("unset-tier", { tier: null });
    add("low-no-due", {});
    add("low-late", { due: new Date(NOW.getTime() + 20 * DAY) });
    add("low-early", { due: new Date(NOW.getTime() + 2 * DAY) });
    add("critical-flag-low", { critical: true });
    add("high", { tier: "HIGH" });
    add("critical-tier", { tier: "CRITICAL" });
    add("b-same", { domain: "x" });
    add("a-same", { domain: "y", sides: ["CUSTOMER", "PROVIDER"] });
    const order = gapList({ snapshot: ws, now: NOW }).map((g) => `${g.systemName}:${g.side[0]}`);
    expect(order).toEqual([
      "critical-flag-low:C",
      "critical-tier:C",
      "high:C",
      "low-early:C",
      "low-late:C",
      "a-same:C",
      "a-same:P",
      "b-same:C",
      "low-no-due:C",
      "unset-tier:C",
    ]);
  });
});
