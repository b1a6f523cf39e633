// Workspaces for the coverage tests: an in-memory WorkspaceSnapshot (the reference's input) is
// written to the database row for row, so the SQL engine and the reference see the same data.
// `workspaceArbitrary` generates random ones for the property test; `snapshotBuilder` builds
// small hand-made ones for the edge-case tests.
import { randomBytes } from "node:crypto";

import fc from "fast-check";

import { db } from "@/lib/db/client";
import type {
  SnapshotDuty,
  SnapshotEvidence,
  SnapshotResponsibility,
  SnapshotSystem,
  WorkspaceSnapshot,
} from "@/lib/domain/coverage-snapshot";
import { dutiesFor } from "@/lib/domain/derivation";
import {
  DUTY_STATUSES,
  type DutySide,
  EVIDENCE_KINDS,
  LIFECYCLES,
  RESPONSIBILITY_VALUES,
  REVIEW_STATUSES,
  RISK_TIERS,
} from "@/lib/domain/responsibility";

export const NOW = new Date("2026-03-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
export const at = (days: number) => new Date(NOW.getTime() + days * DAY);

/** Owners shared by every workspace (ownerId has no foreign key; the tests create users). */
export const OWNERS = ["owner-ada", "owner-bo", "owner-cy"] as const;
/** Vendor ids are per workspace (primary keys), named from these suffixes. */
const VENDOR_SUFFIXES = ["v1", "v2"] as const;
export const MODELS = ["saas", "paas", "iaas", "onprem", "embedded", "agents", "coding", "mcp"];
export const DOMAINS = ["agents", "data", "Governance", "identity", "b_x", "B"];
const NAMES = ["Alpha", "alpha", "Beta", "beta 2", "Ärzte", "_x", "Zed", "10", "9"];
const JUSTIFICATIONS = [null, "", "  ", "\t\u00a0", "ok", " reason "];
/** Instants around `NOW` that hit every boundary: exactly now, 1 ms before, days either side. */
export const INSTANTS = [null, at(-30), new Date(NOW.getTime() - 1), NOW, at(1), at(400)];

export type WorkspaceFixture = WorkspaceSnapshot & {
  vendorNames: Record<string, string>;
  /** Owners that are members of the workspace (the gap list shows only their names). */
  memberOwners: readonly string[];
};

/** Hand-made workspaces for the edge cases (ids unique per builder, so workspaces can coexist). */
export function snapshotBuilder() {
  const tag = randomBytes(4).toString("hex");
  let seq = 0;
  const id = (prefix: string) => `${prefix}-${tag}-${String(++seq).padStart(3, "0")}`;
  const ws = {
    systems: [] as SnapshotSystem[],
    responsibilities: [] as SnapshotResponsibility[],
    parts: [] as SnapshotDuty[],
    evidence: [] as SnapshotEvidence[],
    evidenceLinks: [] as { dutyId: string; evidenceId: string }[],
    vendorNames: {} as Record<string, string>,
    memberOwners: [...OWNERS] as string[],
    addVendor(name: string) {
      const vendorId = id("vendor");
      ws.vendorNames[vendorId] = name;
      return vendorId;
    },
    addSystem(over: Partial<SnapshotSystem> = {}) {
      const system: SnapshotSystem = {
        id: id("sys"),
        name: `System ${seq}`,
        archived: false,
        lifecycle: "PRODUCTION",
        riskTier: "MEDIUM",
        vendorId: null,
        deploymentModels: ["saas"],
        ...over,
      };
      ws.systems.push(system);
      return system;
    },
    addDuty(input: { system: SnapshotSystem; domainKey?: string; value?: "C" | "S" | "P" | "NA" }) {
      const value = input.value ?? "C";
      const responsibility: SnapshotResponsibility = {
        id: id("resp"),
        systemId: input.system.id,
        domainKey: input.domainKey ?? "governance",
        value,
        critical: false,
      };
      ws.responsibilities.push(responsibility);
      return dutiesFor(value).map((side) => ws.addDutyForSide({ responsibility, side }));
    },
    addDutyForSide(input: { responsibility: SnapshotResponsibility; side: DutySide }) {
      const part: SnapshotDuty = {
        id: id("part"),
        responsibilityId: input.responsibility.id,
        side: input.side,
        ownerId: null,
        status: "NOT_STARTED",
        justification: null,
        dueDate: null,
        riskAcceptanceExpiresAt: null,
        riskApproverId: null,
      };
      ws.parts.push(part);
      return part;
    },
    addEvidence(over: Partial<SnapshotEvidence> = {}) {
      const item: SnapshotEvidence = {
        id: id("ev"),
        kind: "FILE",
        reviewStatus: "ACCEPTED",
        supersededById: null,
        validUntil: null,
        deletedAt: null,
        vendorId: null,
        ...over,
      };
      ws.evidence.push(item);
      return item;
    },
    addLink(part: SnapshotDuty, item: SnapshotEvidence) {
      ws.evidenceLinks.push({ dutyId: part.id, evidenceId: item.id });
    },
  };
  return ws;
}

/** Picks from `values` with `value` made `weight` times likelier (keeps covered parts common). */
const favour = <T>(value: T, weight: number, values: readonly T[]) =>
  fc.oneof(
    { arbitrary: fc.constant(value), weight },
    { arbitrary: fc.constantFrom(...values), weight: 2 },
  );

const dutyArbitrary = fc.record({
  owner: favour<string | null>("owner-bo", 3, [null, ...OWNERS]),
  status: favour("IMPLEMENTED" as const, 3, DUTY_STATUSES),
  justification: favour<string | null>("ok", 3, JUSTIFICATIONS),
  dueDate: fc.constantFrom(...INSTANTS),
  expiry: favour<Date | null>(at(30), 2, INSTANTS),
  approver: favour<string | null>("owner-ada", 3, [null, "owner-ada"]),
});

/** Random workspaces covering every input the definitions look at. */
export const workspaceArbitrary: fc.Arbitrary<WorkspaceFixture> = fc
  .record({
    systems: fc.array(
      fc.record({
        name: fc.constantFrom(...NAMES),
        archived: fc.constantFrom(false, false, false, true),
        lifecycle: favour("PRODUCTION" as const, 2, LIFECYCLES),
        riskTier: fc.constantFrom(null, ...RISK_TIERS),
        vendor: fc.constantFrom(null, 0, 1),
        // Duplicates allowed on purpose: a model listed twice must still count once.
        models: fc.array(fc.constantFrom(...MODELS), { minLength: 1, maxLength: 3 }),
        duties: fc.uniqueArray(
          fc.record({
            domainKey: fc.constantFrom(...DOMAINS),
            value: favour("S" as const, 1, RESPONSIBILITY_VALUES),
            critical: fc.boolean(),
            // Attributes of the (at most two) parts the value creates.
            parts: fc.array(dutyArbitrary, { minLength: 2, maxLength: 2 }),
          }),
          { selector: (d) => d.domainKey, minLength: 1, maxLength: 6 },
        ),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    evidence: fc.array(
      fc.record({
        kind: favour("ATTESTATION" as const, 2, EVIDENCE_KINDS),
        reviewStatus: favour("ACCEPTED" as const, 2, REVIEW_STATUSES),
        validUntil: favour<Date | null>(null, 2, INSTANTS),
        deleted: fc.constantFrom(false, false, false, true),
        superseded: fc.constantFrom(false, false, false, true),
        vendor: fc.constantFrom(null, null, 0, 1),
      }),
      { maxLength: 20 },
    ),
    links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 90 }),
    memberOwners: fc.subarray([...OWNERS]),
  })
  .map((spec) => {
    const ws = snapshotBuilder();
    const vendors = VENDOR_SUFFIXES.map((suffix) => ws.addVendor(`Vendor ${suffix}`));
    for (const s of spec.systems) {
      const system = ws.addSystem({
        name: s.name,
        archived: s.archived,
        lifecycle: s.lifecycle,
        riskTier: s.riskTier,
        vendorId: s.vendor === null ? null : vendors[s.vendor]!,
        deploymentModels: s.models,
      });
      for (const d of s.duties) {
        const created = ws.addDuty({ system, domainKey: d.domainKey, value: d.value });
        created.forEach((part, i) => {
          const p = d.parts[i]!;
          Object.assign(part, {
            ownerId: p.owner,
            status: p.status,
            justification: p.justification,
            dueDate: p.dueDate,
            riskAcceptanceExpiresAt: p.expiry,
            riskApproverId: p.approver,
          });
        });
        ws.responsibilities[ws.responsibilities.length - 1]!.critical = d.critical;
      }
    }
    spec.evidence.forEach((e) => {
      ws.addEvidence({
        kind: e.kind,
        reviewStatus: e.reviewStatus,
        validUntil: e.validUntil,
        deletedAt: e.deleted ? at(-2) : null,
        vendorId: e.vendor === null ? null : vendors[e.vendor]!,
      });
    });
    // A superseded item is replaced by the next one (a revision chain), or, last in the list,
    // only marked superseded.
    spec.evidence.forEach((e, i) => {
      if (!e.superseded) return;
      const next = ws.evidence[i + 1];
      if (next) ws.evidence[i]!.supersededById = next.id;
      else ws.evidence[i]!.superseded = true;
    });
    const seen = new Set<string>();
    for (const [pi, ei] of spec.links) {
      if (ws.parts.length === 0 || ws.evidence.length === 0) break;
      const part = ws.parts[pi % ws.parts.length]!;
      const item = ws.evidence[ei % ws.evidence.length]!;
      if (seen.has(`${part.id}/${item.id}`)) continue;
      seen.add(`${part.id}/${item.id}`);
      ws.addLink(part, item);
    }
    ws.memberOwners = spec.memberOwners;
    return ws;
  });

/** Users for the shared owner ids, created once per database (test files truncate tables). */
export async function ensureOwners(): Promise<void> {
  await db.user.createMany({
    data: OWNERS.map((id) => ({ id, email: `${id}@example.com`, name: `Name of ${id}` })),
    skipDuplicates: true,
  });
}

/** Writes the fixture as one new workspace; returns its id. */
export async function writeWorkspace(fixture: WorkspaceFixture): Promise<string> {
  const tag = randomBytes(6).toString("hex");
  const workspace = await db.workspace.create({
    data: { slug: `cov-${tag}`, name: `Coverage ${tag}` },
  });
  const workspaceId = workspace.id;
  const framework = await db.framework.create({
    data: { scopeKey: workspaceId, workspaceId, key: "cov", name: "Cov", publisher: "Tests" },
  });
  const version = await db.frameworkVersion.create({
    data: { frameworkId: framework.id, version: "1", definition: {}, definitionHash: tag },
  });
  await ensureOwners();
  await db.membership.createMany({
    data: fixture.memberOwners.map((userId) => ({ workspaceId, userId, role: "EDITOR" as const })),
  });
  await db.vendor.createMany({
    data: Object.entries(fixture.vendorNames).map(([id, name]) => ({ id, workspaceId, name })),
  });
  await db.aiSystem.createMany({
    data: fixture.systems.map((s) => ({
      id: s.id,
      workspaceId,
      name: s.name,
      frameworkVersionId: version.id,
      primaryModel: s.deploymentModels[0] ?? "saas",
      additionalModels: s.deploymentModels.slice(1),
      deploymentModels: [...s.deploymentModels],
      vendorId: s.vendorId,
      riskTier: s.riskTier,
      lifecycle: s.lifecycle,
      archivedAt: s.archived ? at(-3) : null,
    })),
  });
  await db.responsibility.createMany({
    data: fixture.responsibilities.map((r) => ({
      id: r.id,
      workspaceId,
      systemId: r.systemId,
      domainKey: r.domainKey,
      derivedValue: r.value,
      value: r.value,
      critical: r.critical,
    })),
  });
  const responsibilities = new Map(fixture.responsibilities.map((r) => [r.id, r]));
  await db.duty.createMany({
    data: fixture.parts.map((p) => ({
      ...p,
      workspaceId,
      systemId: responsibilities.get(p.responsibilityId)!.systemId,
      domainKey: responsibilities.get(p.responsibilityId)!.domainKey,
    })),
  });
  // Revisions: the newer item points back (supersedesId); the older one carries supersededAt.
  const supersedes = new Map(
    fixture.evidence.filter((e) => e.supersededById).map((e) => [e.supersededById!, e.id]),
  );
  await db.evidence.createMany({
    data: fixture.evidence.map((e) => ({
      id: e.id,
      workspaceId,
      kind: e.kind,
      title: `Evidence ${e.id}`,
      reviewStatus: e.reviewStatus,
      validUntil: e.validUntil,
      deletedAt: e.deletedAt,
      vendorId: e.vendorId,
      supersedesId: supersedes.get(e.id) ?? null,
      supersededAt: e.superseded || e.supersededById ? at(-1) : null,
    })),
  });
  await db.evidenceLink.createMany({
    data: fixture.evidenceLinks.map((l) => ({ ...l, workspaceId })),
  });
  return workspaceId;
}

/**
 * The reverse of `writeWorkspace`: a workspace's rows as the reference's input, read back from
 * the database (for tests where the data changed through the services, not the fixture).
 */
export async function readWorkspaceSnapshot(workspaceId: string): Promise<WorkspaceSnapshot> {
  const [systems, responsibilities, parts, evidence, links] = await Promise.all([
    db.aiSystem.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.responsibility.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.duty.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.evidence.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.evidenceLink.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
  ]);
  return {
    systems: systems.map((s) => ({
      id: s.id,
      name: s.name,
      archived: s.archivedAt !== null,
      lifecycle: s.lifecycle,
      riskTier: s.riskTier,
      vendorId: s.vendorId,
      deploymentModels: s.deploymentModels,
    })),
    responsibilities: responsibilities.map((r) => ({
      id: r.id,
      systemId: r.systemId,
      domainKey: r.domainKey,
      value: r.value,
      critical: r.critical,
    })),
    parts: parts.map((p) => ({
      id: p.id,
      responsibilityId: p.responsibilityId,
      side: p.side,
      ownerId: p.ownerId,
      status: p.status,
      justification: p.justification,
      dueDate: p.dueDate,
      riskAcceptanceExpiresAt: p.riskAcceptanceExpiresAt,
      riskApproverId: p.riskApproverId,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      reviewStatus: e.reviewStatus,
      superseded: e.supersededAt !== null,
      validUntil: e.validUntil,
      deletedAt: e.deletedAt,
      vendorId: e.vendorId,
    })),
    evidenceLinks: links.map((l) => ({ dutyId: l.dutyId, evidenceId: l.evidenceId })),
  };
}
