// Action plans and comments on a real database: progress from the coverage engine, the progress
// job (idempotent), assignment and reminder notifications, mentions, authorship rules, and two
// workspaces that never see each other's plans or threads.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createComment } from "@/lib/server/comments/create-comment";
import { deleteComment } from "@/lib/server/comments/delete-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { updateComment } from "@/lib/server/comments/update-comment";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { addPlanDuties } from "@/lib/server/plans/add-plan-duties";
import { closePlan } from "@/lib/server/plans/close-plan";
import { createPlan } from "@/lib/server/plans/create-plan";
import { exportPlansCsv } from "@/lib/server/plans/export-plans-csv";
import { getPlan } from "@/lib/server/plans/get-plan";
import { listPlans } from "@/lib/server/plans/list-plans";
import { runPlanProgress, runPlanProgressForWorkspace } from "@/lib/server/plans/plan-progress-job";
import { removePlanDuties } from "@/lib/server/plans/remove-plan-duties";
import { updatePlan } from "@/lib/server/plans/update-plan";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import { createPlanSchema } from "@/lib/validation/plans";

import { requestAndApprove } from "./approval-fixtures";
import {
  actorOf,
  ensureFrameworks,
  registerTestSystem,
  workspaceWithRoles,
} from "./systems-fixtures";

type World = Awaited<ReturnType<typeof workspaceWithRoles>>;
let w: World;
let other: World;
let dutyIds: string[];
let otherDutyId: string;

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await ensureFrameworks();
  w = await workspaceWithRoles("plans");
  other = await workspaceWithRoles("plans-other");
  const system = await registerTestSystem(w.workspace, w.actor, {
    primaryModel: "paas_ai",
    name: "Plan system",
  });
  const duties = await db.duty.findMany({
    where: { systemId: system.id, side: "CUSTOMER" },
    orderBy: { domainKey: "asc" },
    take: 3,
  });
  dutyIds = duties.map((d) => d.id);
  const otherSystem = await registerTestSystem(other.workspace, other.actor, {
    primaryModel: "paas_ai",
    name: "Other system",
  });
  otherDutyId = (
    await db.duty.findFirstOrThrow({ where: { systemId: otherSystem.id, side: "CUSTOMER" } })
  ).id;
});

/** Covers a customer duty the quickest way the definition allows: owned, and not applicable as
 * an approver decided. */
async function cover(dutyId: string) {
  const duty = await db.duty.findFirstOrThrow({ where: { id: dutyId } });
  await updateDuty({
    workspaceId: w.workspace.id,
    actor: w.actor,
    input: { dutyId, expectedVersion: duty.version, ownerId: w.editor.id },
  });
  await requestAndApprove({
    workspaceId: w.workspace.id,
    requester: w.editor,
    approver: w.admin,
    input: { kind: "NOT_APPLICABLE", dutyId, justification: "Handled by the platform team" },
  });
}

const newPlan = (input: Record<string, unknown>, world: World = w) =>
  createPlan({
    workspaceId: world.workspace.id,
    actor: world.actor,
    userId: world.owner.id,
    input: createPlanSchema.parse({ title: "Close the gaps", ...input }),
  });

const notifications = (userId: string, event: string) =>
  db.notification.findMany({ where: { userId, event } });

describe("plans", () => {
  it("measures progress with the coverage engine, reads DONE at once and the job stores it once", async () => {
    const plan = await newPlan({
      ownerId: w.editor.id,
      dueDate: day(30),
      dutyIds: dutyIds.slice(0, 2),
    });
    let read = await getPlan({ workspaceId: w.workspace.id, planId: plan.id });
    expect(read.plan).toMatchObject({ total: 2, covered: 0, effectiveStatus: "OPEN" });
    expect(read.duties.every((d) => d.covered === false && d.reasons.length > 0)).toBe(true);

    await cover(dutyIds[0]!);
    read = await getPlan({ workspaceId: w.workspace.id, planId: plan.id });
    expect(read.plan).toMatchObject({ covered: 1, total: 2, effectiveStatus: "OPEN" });

    await cover(dutyIds[1]!);
    read = await getPlan({ workspaceId: w.workspace.id, planId: plan.id });
    expect(read.plan).toMatchObject({ covered: 2, status: "OPEN", effectiveStatus: "DONE" });

    const first = await runPlanProgressForWorkspace({
      workspaceId: w.workspace.id,
      now: new Date(),
    });
    const second = await runPlanProgress();
    expect(first.closed).toBe(1);
    expect(second.closed).toBe(0);
    const stored = await db.actionPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored.status).toBe("DONE");
    expect(stored.closedAt).not.toBeNull();
    expect(stored.closedById).toBeNull();
    expect(await notifications(w.editor.id, "plan.done")).toHaveLength(1);
    expect(
      await db.auditEvent.count({ where: { entityId: plan.id, action: "plan.autoDone" } }),
    ).toBe(1);
  });

  it("closes a plan and tells its owner once when two workers run the job at the same moment", async () => {
    const duty = await db.duty.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, side: "CUSTOMER", id: { notIn: dutyIds } },
      orderBy: { domainKey: "asc" },
    });
    const plan = await newPlan({ title: "Raced plan", ownerId: w.auditor.id, dutyIds: [duty.id] });
    await cover(duty.id);
    const now = new Date();
    const results = await Promise.all([
      runPlanProgressForWorkspace({ workspaceId: w.workspace.id, now }),
      runPlanProgressForWorkspace({ workspaceId: w.workspace.id, now }),
      runPlanProgress(now),
    ]);
    expect(results.reduce((n, r) => n + r.closed, 0)).toBe(1);
    const done = await db.notification.findMany({
      where: { userId: w.auditor.id, event: "plan.done", entityId: plan.id },
    });
    expect(done).toHaveLength(1);
    expect(
      await db.auditEvent.count({ where: { entityId: plan.id, action: "plan.autoDone" } }),
    ).toBe(1);
  });

  it("tells the owner of an assignment once per person, never the one who assigns themselves", async () => {
    const plan = await newPlan({ ownerId: w.admin.id, dutyIds: [dutyIds[2]!] });
    const self = await newPlan({ ownerId: w.owner.id });
    expect(await notifications(w.owner.id, "plan.assigned")).toHaveLength(0);
    let version = plan.version;
    for (const ownerId of [w.viewer.id, w.admin.id, w.viewer.id]) {
      const result = await updatePlan({
        workspaceId: w.workspace.id,
        actor: w.actor,
        userId: w.owner.id,
        input: { planId: plan.id, expectedVersion: version, ownerId },
      });
      version = result.version;
    }
    expect(await notifications(w.admin.id, "plan.assigned")).toHaveLength(1);
    expect(await notifications(w.viewer.id, "plan.assigned")).toHaveLength(1);
    const [note] = await notifications(w.admin.id, "plan.assigned");
    expect(note).toMatchObject({
      category: "ASSIGNMENT",
      dedupeKey: `plan.assigned:${plan.id}:${w.admin.id}`,
      link: `/w/${w.workspace.slug}/plans/${plan.id}`,
    });
    expect(self.id).toBeTruthy();
  });

  it("refuses a stale edit, a foreign owner and foreign duties, writing nothing", async () => {
    const plan = await newPlan({ dutyIds: [dutyIds[2]!] });
    await updatePlan({
      workspaceId: w.workspace.id,
      actor: w.actor,
      userId: w.owner.id,
      input: { planId: plan.id, expectedVersion: 1, title: "Renamed" },
    });
    await expect(
      updatePlan({
        workspaceId: w.workspace.id,
        actor: w.actor,
        userId: w.owner.id,
        input: { planId: plan.id, expectedVersion: 1, title: "Stale" },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const before = await db.actionPlan.count({ where: { workspaceId: w.workspace.id } });
    await expect(newPlan({ ownerId: other.owner.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(newPlan({ dutyIds: [dutyIds[0]!, otherDutyId] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.actionPlan.count({ where: { workspaceId: w.workspace.id } })).toBe(before);
    await expect(
      addPlanDuties({
        workspaceId: w.workspace.id,
        actor: w.actor,
        userId: w.owner.id,
        input: { planId: plan.id, dutyIds: [otherDutyId] },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("adds and removes duties, closes by hand with a note, and refuses closing twice", async () => {
    const plan = await newPlan({ dutyIds: [dutyIds[2]!] });
    const added = await addPlanDuties({
      workspaceId: w.workspace.id,
      actor: w.actor,
      userId: w.owner.id,
      input: { planId: plan.id, dutyIds: [dutyIds[2]!, dutyIds[0]!] },
    });
    expect(added.added).toBe(1);
    const removed = await removePlanDuties({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { planId: plan.id, dutyIds: [dutyIds[2]!] },
    });
    expect(removed.removed).toBe(1);
    const close = () =>
      closePlan({
        workspaceId: w.workspace.id,
        actor: w.actor,
        userId: w.owner.id,
        input: { planId: plan.id, status: "CANCELLED", note: "Superseded by the Q3 plan" },
      });
    await close();
    await expect(close()).rejects.toBeInstanceOf(ConflictError);
    const stored = await db.actionPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({
      status: "CANCELLED",
      closingNote: "Superseded by the Q3 plan",
      closedById: w.owner.id,
    });
  });

  it("flags overdue plans, filters on it and reminds the owner once per due day", async () => {
    const late = await newPlan({
      title: "Late plan",
      ownerId: w.auditor.id,
      dueDate: day(-3),
      dutyIds: [dutyIds[2]!],
    });
    const soon = await newPlan({
      title: "Soon plan",
      ownerId: w.auditor.id,
      dueDate: day(5),
      dutyIds: [dutyIds[2]!],
    });
    const today = await newPlan({ title: "Today plan", dueDate: day(0), dutyIds: [dutyIds[2]!] });
    const overdue = await listPlans({ workspaceId: w.workspace.id, filters: { overdue: true } });
    const ids = overdue.rows.map((p) => p.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(soon.id);
    expect(ids).not.toContain(today.id);
    await runPlanProgressForWorkspace({ workspaceId: w.workspace.id, now: new Date() });
    await runPlanProgressForWorkspace({ workspaceId: w.workspace.id, now: new Date() });
    const lateNotes = await notifications(w.auditor.id, "plan.overdue");
    expect(lateNotes.filter((n) => n.entityId === late.id)).toHaveLength(1);
    expect(lateNotes[0]?.dedupeKey).toBe(`plan.overdue:${late.id}:${day(-3)}`);
    const soonNotes = await notifications(w.auditor.id, "plan.dueSoon");
    expect(soonNotes.filter((n) => n.entityId === soon.id)).toHaveLength(1);
    const pastEnd = await listPlans({ workspaceId: w.workspace.id, page: 50 });
    expect(pastEnd.rows).toEqual([]);
    expect(pastEnd.total).toBeGreaterThan(3);
    const csv = await exportPlansCsv({ workspaceId: w.workspace.id, filters: { overdue: true } });
    expect(csv).toContain("Late plan");
    expect(csv).not.toContain("Soon plan");
  });

  it("keeps each workspace's plans its own", async () => {
    const mine = await newPlan({ title: "Mine only" });
    await expect(
      getPlan({ workspaceId: other.workspace.id, planId: mine.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updatePlan({
        workspaceId: other.workspace.id,
        actor: other.actor,
        userId: other.owner.id,
        input: { planId: mine.id, expectedVersion: 1, title: "Taken" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      closePlan({
        workspaceId: other.workspace.id,
        actor: other.actor,
        userId: other.owner.id,
        input: { planId: mine.id, status: "DONE", note: "x" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addPlanDuties({
        workspaceId: other.workspace.id,
        actor: other.actor,
        userId: other.owner.id,
        input: { planId: mine.id, dutyIds: [otherDutyId] },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const theirs = await listPlans({ workspaceId: other.workspace.id });
    expect(theirs.rows.map((p) => p.id)).not.toContain(mine.id);
    expect(await exportPlansCsv({ workspaceId: other.workspace.id })).not.toContain("Mine only");
  });
});

describe("overdue gaps", () => {
  it("filters and sorts the gap list by due date without changing the default order", async () => {
    const late = dutyIds[2]!;
    const later = await db.duty.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, side: "CUSTOMER", id: { notIn: dutyIds } },
      orderBy: { domainKey: "desc" },
    });
    for (const [dutyId, dueDate] of [
      [late, day(-2)],
      [later.id, day(10)],
    ] as const) {
      const duty = await db.duty.findFirstOrThrow({ where: { id: dutyId } });
      await updateDuty({
        workspaceId: w.workspace.id,
        actor: w.actor,
        input: { dutyId, expectedVersion: duty.version, dueDate },
      });
    }
    const list = (input: Omit<Parameters<typeof getGapList>[0], "workspaceId"> = {}) =>
      getGapList({ ...input, workspaceId: w.workspace.id, limit: 500 });
    const overdue = await list({ filters: { overdue: true } });
    expect(overdue.rows.map((r) => r.dutyId)).toEqual([late]);
    expect(overdue.total).toBe(1);
    const notOverdue = await list({ filters: { overdue: false } });
    expect(notOverdue.rows.map((r) => r.dutyId)).not.toContain(late);
    expect(notOverdue.rows.map((r) => r.dutyId)).toContain(later.id);
    const byDue = await list({ sort: "due" });
    expect(byDue.rows.slice(0, 2).map((r) => r.dutyId)).toEqual([late, later.id]);
    const plain = await list();
    const gapOrder = await list({ sort: "gap" });
    expect(gapOrder.rows.map((r) => r.dutyId)).toEqual(plain.rows.map((r) => r.dutyId));
    expect(new Set(byDue.rows.map((r) => r.dutyId))).toEqual(
      new Set(plain.rows.map((r) => r.dutyId)),
    );
  });
});

describe("comments", () => {
  const local = (user: { email: string }) => user.email.split("@")[0]!;

  it("notifies each mentioned member once, never the author or another workspace's member", async () => {
    const created = await createComment({
      workspaceId: w.workspace.id,
      actor: actorOf(w.editor),
      authorId: w.editor.id,
      input: {
        dutyId: dutyIds[0]!,
        body: `@${local(w.admin)} and @${local(w.editor)} and @${local(other.owner)}, please look. mail@${local(w.viewer)}`,
      },
    });
    expect(created.mentioned).toEqual([w.admin.id]);
    expect(await notifications(w.admin.id, "comment.mention")).toHaveLength(1);
    expect(await notifications(w.editor.id, "comment.mention")).toHaveLength(0);
    expect(await notifications(w.viewer.id, "comment.mention")).toHaveLength(0);
    expect(await notifications(other.owner.id, "comment.mention")).toHaveLength(0);

    await updateComment({
      workspaceId: w.workspace.id,
      actor: actorOf(w.editor),
      userId: w.editor.id,
      input: { commentId: created.id, body: `@${local(w.admin)} @${local(w.auditor)} edited` },
    });
    expect(await notifications(w.admin.id, "comment.mention")).toHaveLength(1);
    expect(await notifications(w.auditor.id, "comment.mention")).toHaveLength(1);
    const [thread] = [await listComments({ workspaceId: w.workspace.id, dutyId: dutyIds[0]! })];
    expect(thread.at(-1)).toMatchObject({ body: expect.stringContaining("edited") });
    expect(thread.at(-1)?.editedAt).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { entityId: created.id, entityType: "Comment" } }),
    ).toBe(2);
  });

  it("lets only the author edit, and the author or an OWNER/ADMIN delete", async () => {
    const comment = await createComment({
      workspaceId: w.workspace.id,
      actor: actorOf(w.editor),
      authorId: w.editor.id,
      input: { dutyId: dutyIds[1]!, body: "First note" },
    });
    await expect(
      updateComment({
        workspaceId: w.workspace.id,
        actor: actorOf(w.admin),
        userId: w.admin.id,
        input: { commentId: comment.id, body: "Rewritten by someone else" },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const other2 = await createComment({
      workspaceId: w.workspace.id,
      actor: actorOf(w.admin),
      authorId: w.admin.id,
      input: { dutyId: dutyIds[1]!, body: "Admin note" },
    });
    await expect(
      deleteComment({
        workspaceId: w.workspace.id,
        actor: actorOf(w.editor),
        userId: w.editor.id,
        role: "EDITOR",
        commentId: other2.id,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await deleteComment({
      workspaceId: w.workspace.id,
      actor: actorOf(w.admin),
      userId: w.admin.id,
      role: "ADMIN",
      commentId: comment.id,
    });
    await deleteComment({
      workspaceId: w.workspace.id,
      actor: actorOf(w.admin),
      userId: w.admin.id,
      role: "ADMIN",
      commentId: other2.id,
    });
    const thread = await listComments({ workspaceId: w.workspace.id, dutyId: dutyIds[1]! });
    expect(thread.map((c) => c.body)).toEqual([null, null]);
    expect(thread.every((c) => c.deletedAt !== null)).toBe(true);
    await expect(
      updateComment({
        workspaceId: w.workspace.id,
        actor: actorOf(w.editor),
        userId: w.editor.id,
        input: { commentId: comment.id, body: "Back again" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("renders a comment's Markdown as safe HTML", async () => {
    await createComment({
      workspaceId: w.workspace.id,
      actor: w.actor,
      authorId: w.owner.id,
      input: {
        dutyId: dutyIds[2]!,
        body: "**Done** <script>alert(1)</script> [x](javascript:alert(1))",
      },
    });
    const [comment] = (
      await listComments({ workspaceId: w.workspace.id, dutyId: dutyIds[2]! })
    ).slice(-1);
    expect(comment?.bodyHtml).toContain("<strong>Done</strong>");
    expect(comment?.bodyHtml).not.toContain("<script>");
    expect(comment?.bodyHtml).not.toContain('href="javascript:');
  });

  it("keeps threads inside their workspace", async () => {
    const plan = await newPlan({ title: "Discussed plan" });
    const comment = await createComment({
      workspaceId: w.workspace.id,
      actor: w.actor,
      authorId: w.owner.id,
      input: { planId: plan.id, body: "Kick-off on Monday" },
    });
    await expect(
      createComment({
        workspaceId: other.workspace.id,
        actor: other.actor,
        authorId: other.owner.id,
        input: { dutyId: dutyIds[0]!, body: "Sneaking in" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createComment({
        workspaceId: other.workspace.id,
        actor: other.actor,
        authorId: other.owner.id,
        input: { planId: plan.id, body: "Sneaking in" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      deleteComment({
        workspaceId: other.workspace.id,
        actor: other.actor,
        userId: other.owner.id,
        role: "OWNER",
        commentId: comment.id,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listComments({ workspaceId: other.workspace.id, planId: plan.id })).toEqual([]);
    expect(
      (await listComments({ workspaceId: w.workspace.id, planId: plan.id })).map((c) => c.body),
    ).toEqual(["Kick-off on Monday"]);
  });
});
