// Duties on a real database: status rules, risk acceptance, optimistic concurrency, bulk work,
// My duties and the list filters.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { bulkAssignOwner } from "@/lib/server/responsibilities/bulk-assign-owner";
import { bulkSetDueDate } from "@/lib/server/responsibilities/bulk-set-due-date";
import { listMyDuties } from "@/lib/server/responsibilities/list-my-duties";
import { listResponsibilities } from "@/lib/server/responsibilities/list-responsibilities";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import {
  myDutiesQuerySchema,
  responsibilityListQuerySchema,
  startOfDay,
} from "@/lib/validation/responsibilities";

import { requestAndApprove } from "./approval-fixtures";
import {
  ensureFrameworks,
  registerTestSystem,
  registrySnapshot,
  workspaceWithRoles,
} from "./systems-fixtures";

type World = Awaited<ReturnType<typeof workspaceWithRoles>>;
let w: World;
let other: World;
let paas: { id: string };
let agent: { id: string };

const inFuture = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await ensureFrameworks();
  w = await workspaceWithRoles("resp");
  other = await workspaceWithRoles("resp-other");
  paas = await registerTestSystem(w.workspace, w.actor, {
    primaryModel: "paas_ai",
    name: "PaaS helper",
    riskTier: "HIGH",
  });
  agent = await registerTestSystem(w.workspace, w.actor, {
    primaryModel: "agentic_ai",
    name: "Agent",
    riskTier: "CRITICAL",
  });
});

async function customerDuty(systemId: string, domainKey?: string) {
  return db.duty.findFirstOrThrow({
    where: { systemId, side: "CUSTOMER", ...(domainKey ? { domainKey } : {}) },
    orderBy: { domainKey: "asc" },
  });
}

describe("updateDuty", () => {
  it("sets owner, status and due date with an audit event", async () => {
    const part = await customerDuty(paas.id);
    const result = await updateDuty({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: {
        dutyId: part.id,
        expectedVersion: part.version,
        ownerId: w.editor.id,
        status: "IN_PROGRESS",
        dueDate: inFuture(3),
      },
    });
    expect(result).toMatchObject({ changed: true, version: part.version + 1 });
    const after = await db.duty.findUniqueOrThrow({ where: { id: part.id } });
    expect(after).toMatchObject({ ownerId: w.editor.id, status: "IN_PROGRESS" });
    expect(
      await db.auditEvent.count({ where: { entityId: part.id, action: "responsibility.update" } }),
    ).toBe(1);
  });

  it("refuses starting NOT_APPLICABLE or RISK_ACCEPTED by an edit, pointing to the request", async () => {
    const part = await customerDuty(agent.id);
    for (const status of ["NOT_APPLICABLE", "RISK_ACCEPTED"] as const) {
      const error = await updateDuty({
        workspaceId: w.workspace.id,
        actor: w.actor,
        input: {
          dutyId: part.id,
          expectedVersion: part.version,
          status,
          justification: "Compensating control.",
          riskApproverId: w.admin.id,
          riskAcceptanceExpiresAt: inFuture(30),
        },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.status?.[0]).toMatch(
        /POST \/api\/v1\/approvals/,
      );
    }
    expect(await db.duty.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
      status: "NOT_STARTED",
      version: part.version,
    });
  });

  it("RISK_ACCEPTED comes from an approval; its terms stay fixed, leaving it ends the approval", async () => {
    const part = await customerDuty(agent.id);
    const approvalId = await requestAndApprove({
      workspaceId: w.workspace.id,
      requester: w.editor,
      approver: w.admin,
      input: { kind: "RISK_ACCEPTANCE", dutyId: part.id, justification: "Compensating control." },
    });
    const accepted = await db.duty.findUniqueOrThrow({ where: { id: part.id } });
    expect(accepted).toMatchObject({
      status: "RISK_ACCEPTED",
      riskApproverId: w.admin.id,
      justification: "Compensating control.",
    });
    expect(
      await db.auditEvent.count({
        where: { entityId: part.id, action: "responsibility.acceptRisk" },
      }),
    ).toBe(1);
    // The owner can still be changed; the justification cannot.
    await updateDuty({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { dutyId: part.id, expectedVersion: accepted.version, ownerId: w.viewer.id },
    });
    const fixed = await updateDuty({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { dutyId: part.id, expectedVersion: accepted.version + 1, justification: "Other." },
    }).catch((e: unknown) => e);
    expect((fixed as ValidationError).fieldErrors).toHaveProperty("status");
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe(
      "APPROVED",
    );
  });

  it("refuses an owner who is not a member of the workspace", async () => {
    const part = await customerDuty(paas.id, "agent_governance");
    const error = await updateDuty({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { dutyId: part.id, expectedVersion: part.version, ownerId: other.owner.id },
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toHaveProperty("ownerId");
  });

  it("the second of two saves based on the same version gets a conflict and loses nothing", async () => {
    const part = await db.duty.findFirstOrThrow({
      where: { systemId: paas.id, side: "CUSTOMER", ownerId: null },
    });
    await updateDuty({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { dutyId: part.id, expectedVersion: part.version, ownerId: w.admin.id },
    });
    const error = await updateDuty({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: {
        dutyId: part.id,
        expectedVersion: part.version,
        ownerId: w.editor.id,
        status: "IMPLEMENTED",
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toMatch(/changed this duty/);
    expect(await db.duty.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
      ownerId: w.admin.id,
      status: "NOT_STARTED",
    });
  });

  it("concurrent saves: exactly one wins", async () => {
    const part = await db.duty.findFirstOrThrow({
      where: { systemId: agent.id, side: "CUSTOMER", ownerId: null },
    });
    const results = await Promise.allSettled(
      [w.admin.id, w.editor.id].map((ownerId) =>
        updateDuty({
          workspaceId: w.workspace.id,
          actor: w.actor,
          input: { dutyId: part.id, expectedVersion: part.version, ownerId },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError),
    ).toHaveLength(1);
  });

  it("another workspace's part is a 404 and unchanged", async () => {
    const foreign = await registerTestSystem(other.workspace, other.actor, {
      primaryModel: "saas_ai",
    });
    const part = await customerDuty(foreign.id);
    const before = await registrySnapshot(other.workspace.id);
    await expect(
      updateDuty({
        workspaceId: w.workspace.id,
        actor: w.actor,
        input: { dutyId: part.id, expectedVersion: part.version, ownerId: w.editor.id },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await registrySnapshot(other.workspace.id)).toEqual(before);
  });
});

describe("bulk work", () => {
  it("assigns one owner to a domain's customer parts across systems", async () => {
    const { count } = await bulkAssignOwner({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: {
        ownerId: w.editor.id,
        target: { kind: "domain", domainKey: "data_privacy", systemIds: [paas.id, agent.id] },
      },
    });
    const parts = await db.duty.findMany({
      where: { workspaceId: w.workspace.id, domainKey: "data_privacy", side: "CUSTOMER" },
    });
    expect(count).toBe(parts.length);
    expect(parts.every((p) => p.ownerId === w.editor.id)).toBe(true);
  });

  it("assigns all customer parts of a system, and sets due dates in bulk", async () => {
    await bulkAssignOwner({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { ownerId: w.viewer.id, target: { kind: "system", systemId: agent.id } },
    });
    const parts = await db.duty.findMany({
      where: { systemId: agent.id, side: "CUSTOMER" },
    });
    expect(parts.every((p) => p.ownerId === w.viewer.id)).toBe(true);
    await bulkSetDueDate({
      workspaceId: w.workspace.id,
      actor: w.actor,
      dutyIds: parts.map((p) => p.id),
      dueDate: inFuture(10),
    });
    expect(
      (await db.duty.findMany({ where: { systemId: agent.id, side: "CUSTOMER" } })).every(
        (p) => p.dueDate !== null,
      ),
    ).toBe(true);
  });

  it("one foreign id fails the whole request and changes nothing anywhere", async () => {
    const foreign = await registerTestSystem(other.workspace, other.actor, {
      primaryModel: "iaas_ai",
    });
    const foreignDuty = await customerDuty(foreign.id);
    const own = await customerDuty(paas.id);
    const beforeA = await registrySnapshot(w.workspace.id);
    const beforeB = await registrySnapshot(other.workspace.id);
    await expect(
      bulkAssignOwner({
        workspaceId: w.workspace.id,
        actor: w.actor,
        input: {
          ownerId: w.owner.id,
          target: { kind: "duties", dutyIds: [own.id, foreignDuty.id] },
        },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      bulkAssignOwner({
        workspaceId: w.workspace.id,
        actor: w.actor,
        input: { ownerId: w.owner.id, target: { kind: "system", systemId: foreign.id } },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      bulkSetDueDate({
        workspaceId: w.workspace.id,
        actor: w.actor,
        dutyIds: [foreignDuty.id],
        dueDate: null,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await registrySnapshot(w.workspace.id)).toEqual(beforeA);
    expect(await registrySnapshot(other.workspace.id)).toEqual(beforeB);
  });
});

describe("lists", () => {
  it("my duties: the member's own open duties, overdue first, paged by 50", async () => {
    // Its own workspace, so the other lists' counts stay as they are. An archived system's duties
    // and another member's never show; four systems give more than 50.
    const team = await workspaceWithRoles("mine");
    const systems = [];
    for (const name of ["Mine A", "Mine B", "Mine C", "Mine D"]) {
      systems.push(
        await registerTestSystem(team.workspace, team.actor, { primaryModel: "agentic_ai", name }),
      );
    }
    const archived = await registerTestSystem(team.workspace, team.actor, {
      primaryModel: "saas_ai",
    });
    await db.aiSystem.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const ids = systems.map((s) => s.id);
    await db.duty.updateMany({
      where: { systemId: { in: [...ids, archived.id] }, side: "CUSTOMER" },
      data: { ownerId: team.auditor.id },
    });
    const mine = await db.duty.findMany({
      where: { systemId: { in: ids }, side: "CUSTOMER" },
      orderBy: { id: "asc" },
    });
    expect(mine.length).toBeGreaterThan(51);
    const now = new Date();
    const day = (offset: number) => startOfDay(inFuture(offset));
    const [overdue, soon, later, finished] = mine;
    await db.duty.update({ where: { id: later!.id }, data: { dueDate: day(30) } });
    await db.duty.update({ where: { id: soon!.id }, data: { dueDate: day(2) } });
    await db.duty.update({ where: { id: overdue!.id }, data: { dueDate: day(-3) } });
    await db.duty.update({
      where: { id: finished!.id },
      data: { dueDate: day(-5), status: "IMPLEMENTED" },
    });
    const list = (input: Record<string, string>) =>
      listMyDuties({
        workspaceId: team.workspace.id,
        userId: team.auditor.id,
        query: myDutiesQuerySchema.parse(input),
        now,
      });

    const first = await list({});
    expect(first.counts).toEqual({ overdue: 1, thisWeek: 1, later: 1, noDate: mine.length - 4 });
    expect(first.total).toBe(mine.length - 1);
    expect(first.pageCount).toBe(2);
    expect(first.duties).toHaveLength(50);
    expect(first.duties.slice(0, 3).map((d) => d.id)).toEqual([overdue!.id, soon!.id, later!.id]);
    expect(first.duties.slice(0, 3).map((d) => d.dueGroup)).toEqual([
      "overdue",
      "thisWeek",
      "later",
    ]);
    const second = await list({ page: "2" });
    expect(second.duties).toHaveLength(mine.length - 51);
    const all = [...first.duties, ...second.duties];
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.system.id))).toEqual(new Set(ids));
    // Inside a group critical duties come first.
    const noDate = all.filter((d) => d.dueGroup === "noDate").map((d) => d.critical);
    expect(noDate).toEqual([...noDate].sort((a, b) => Number(b) - Number(a)));
    expect(noDate).toContain(true);

    const withFinished = await list({ show: "all", due: "overdue" });
    expect(withFinished.counts.overdue).toBe(2);
    expect(withFinished.total).toBe(2);
    expect(new Set(withFinished.duties.map((d) => d.id))).toEqual(
      new Set([overdue!.id, finished!.id]),
    );
    // A page past the end shows the last one.
    expect((await list({ page: "9" })).page).toBe(2);

    const none = await listMyDuties({
      workspaceId: other.workspace.id,
      userId: team.auditor.id,
      query: myDutiesQuerySchema.parse({}),
    });
    expect(none.total).toBe(0);
  });

  it("filters by owner, status, critical, model and risk, with totals", async () => {
    const q = (input: Record<string, string>) =>
      listResponsibilities({
        workspaceId: w.workspace.id,
        query: responsibilityListQuerySchema.parse(input),
      });
    const byOwner = await q({ owner: w.viewer.id });
    expect(byOwner.parts.every((p) => p.ownerId === w.viewer.id)).toBe(true);
    const critical = await q({ critical: "true" });
    expect(critical.total).toBeGreaterThan(0);
    expect(critical.parts.every((p) => p.critical)).toBe(true);
    const accepted = await q({ status: "RISK_ACCEPTED" });
    expect(accepted.total).toBe(1);
    const agentOnly = await q({ model: "agentic_ai", pageSize: "100" });
    expect(new Set(agentOnly.parts.map((p) => p.system.id))).toEqual(new Set([agent.id]));
    const unowned = await q({ owner: "none", risk: "HIGH" });
    expect(unowned.parts.every((p) => p.ownerId === null && p.system.riskTier === "HIGH")).toBe(
      true,
    );
    expect(
      (
        await listResponsibilities({
          workspaceId: other.workspace.id,
          query: responsibilityListQuerySchema.parse({ system: paas.id }),
        })
      ).total,
    ).toBe(0);
  });
});
