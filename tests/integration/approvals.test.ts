// Approvals by the approver (issue 16, part 2) on a real database: a waiver or override is a
// request that changes nothing until an admin or owner other than the requester approves it; it
// ends at its end date (the approvals-expire job), and nothing reaches another workspace.
import { beforeAll, describe, expect, it } from "vitest";

import ApprovalsPage from "@/app/(app)/w/[workspaceSlug]/approvals/page";
import SystemPage from "@/app/(app)/w/[workspaceSlug]/systems/[systemId]/page";
import * as approveRoute from "@/app/api/v1/approvals/[approvalId]/approve/route";
import * as cancelRoute from "@/app/api/v1/approvals/[approvalId]/cancel/route";
import * as rejectRoute from "@/app/api/v1/approvals/[approvalId]/reject/route";
import * as approvalsRoute from "@/app/api/v1/approvals/route";
import * as settingsRoute from "@/app/api/v1/workspace/approval-settings/route";
import * as approvalActions from "@/lib/actions/approvals";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { cancelApprovalRequest } from "@/lib/server/approvals/cancel-approval-request";
import { createApprovalRequest } from "@/lib/server/approvals/create-approval-request";
import {
  approveApprovalRequest,
  rejectApprovalRequest,
} from "@/lib/server/approvals/decide-approval-request";
import { approvalsExpireJob, expireApprovals } from "@/lib/server/approvals/expire-approvals";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import type { CreateApprovalInput } from "@/lib/validation/approvals";

import { apiRequest, routeParams } from "../support/evidence-fixtures";
import { expectNotFound } from "../support/identity-fixtures";
import { dayFromNow, userActor } from "./approval-fixtures";
import { serialise } from "./dashboard-fixtures";
import { ensureFrameworks, registerTestSystem, workspaceWithRoles } from "./systems-fixtures";

type World = Awaited<ReturnType<typeof workspaceWithRoles>> & {
  system: { id: string };
  tokens: Record<"owner" | "admin" | "editor" | "viewer" | "auditor", string>;
};
let a: World;
let b: World;

async function world(label: string): Promise<World> {
  const roles = await workspaceWithRoles(label);
  const system = await registerTestSystem(roles.workspace, roles.actor, {
    primaryModel: "agentic_ai",
    name: `${label} agent`,
  });
  const token = async (creator: { id: string }, role: "ADMIN" | "EDITOR" | "VIEWER" | "AUDITOR") =>
    (
      await createApiToken({
        workspaceId: roles.workspace.id,
        actor: roles.actor,
        actorRole: "OWNER",
        createdById: creator.id,
        name: `${label} ${role} ${creator.id.slice(-4)}`,
        role,
        expiresAt: null,
      })
    ).secret;
  return {
    ...roles,
    system,
    tokens: {
      owner: await token(roles.owner, "ADMIN"),
      admin: await token(roles.admin, "ADMIN"),
      editor: await token(roles.editor, "EDITOR"),
      viewer: await token(roles.viewer, "VIEWER"),
      auditor: await token(roles.auditor, "AUDITOR"),
    },
  };
}

beforeAll(async () => {
  await ensureFrameworks();
  a = await world("appr-a");
  b = await world("appr-b");
});

const caller = (user: { id: string; email: string }) => ({
  actor: userActor(user),
  userId: user.id,
});

/** A fresh customer duty of the world's system that nobody has touched yet. */
async function freshDuty(w: World, ownerId: string | null = null) {
  const duty = await db.duty.findFirstOrThrow({
    where: {
      workspaceId: w.workspace.id,
      systemId: w.system.id,
      side: "CUSTOMER",
      status: "NOT_STARTED",
      ownerId: null,
      id: {
        notIn: (await db.approvalRequest.findMany({ select: { dutyId: true } })).flatMap((r) =>
          r.dutyId ? [r.dutyId] : [],
        ),
      },
    },
    orderBy: { domainKey: "asc" },
  });
  if (ownerId) await db.duty.update({ where: { id: duty.id }, data: { ownerId } });
  return duty;
}

async function isGap(w: World, dutyId: string, now = new Date()) {
  const page = await getGapList({
    workspaceId: w.workspace.id,
    scope: { systemIds: [w.system.id] },
    limit: 500,
    now,
  });
  return page.rows.some((row) => row.dutyId === dutyId);
}

const ask = (
  w: World,
  requester: { id: string; email: string },
  input: Partial<CreateApprovalInput>,
) =>
  createApprovalRequest({
    workspaceId: w.workspace.id,
    caller: caller(requester),
    input: {
      kind: "RISK_ACCEPTANCE",
      approverId: w.admin.id,
      justification: "Read-only tools until the pilot ends.",
      endsAt: dayFromNow(30),
      ...input,
    } as CreateApprovalInput,
  });

const notificationsOf = (userId: string, event: string, entityId: string) =>
  db.notification.findMany({ where: { userId, event, entityId } });

describe("requesting", () => {
  it("an EDITOR's request leaves the duty a gap and tells the approver", async () => {
    const duty = await freshDuty(a);
    const { id } = await ask(a, a.editor, { dutyId: duty.id });
    expect(await db.duty.findUniqueOrThrow({ where: { id: duty.id } })).toMatchObject({
      status: "NOT_STARTED",
      version: duty.version,
    });
    expect(await isGap(a, duty.id)).toBe(true);
    const told = await notificationsOf(a.admin.id, "approval.requested", id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ category: "APPROVAL", workspaceId: a.workspace.id });
    expect(told[0]!.link).toBe(
      `/w/${a.workspace.slug}/systems/${a.system.id}#domain-${duty.domainKey}`,
    );
    expect(await db.auditEvent.count({ where: { entityId: id, action: "approval.request" } })).toBe(
      1,
    );
  });

  it("refuses an approver who is the requester, not an admin, or of another workspace", async () => {
    const duty = await freshDuty(a);
    for (const approverId of [a.owner.id, a.editor.id, b.admin.id]) {
      const error = await ask(a, a.owner, { dutyId: duty.id, approverId }).catch((e: unknown) => e);
      expect(error, approverId).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toHaveProperty("approverId");
    }
    expect(await db.approvalRequest.count({ where: { dutyId: duty.id } })).toBe(0);
  });

  it("bounds the end date by today and the workspace maximum, which admins set", async () => {
    const duty = await freshDuty(a);
    const past = await ask(a, a.editor, { dutyId: duty.id, endsAt: dayFromNow(-1) }).catch(
      (e: unknown) => e,
    );
    expect((past as ValidationError).fieldErrors).toHaveProperty("endsAt");
    const far = await ask(a, a.editor, { dutyId: duty.id, endsAt: dayFromNow(400) }).catch(
      (e: unknown) => e,
    );
    expect((far as ValidationError).fieldErrors.endsAt?.[0]).toMatch(/12 months/);

    setSessionForTests(a.editor.id);
    const editorTry = await approvalActions.updateApprovalSettingsAction(a.workspace.slug, {
      maxApprovalMonths: 24,
    });
    expect(editorTry.serverError).toMatchObject({ code: "FORBIDDEN" });
    setSessionForTests(a.admin.id);
    const tooLong = await approvalActions.updateApprovalSettingsAction(a.workspace.slug, {
      maxApprovalMonths: 37,
    });
    expect(tooLong.validationErrors?.fieldErrors).toHaveProperty("maxApprovalMonths");
    const set = await approvalActions.updateApprovalSettingsAction(a.workspace.slug, {
      maxApprovalMonths: 24,
    });
    expect(set.data).toMatchObject({ changed: true, maxApprovalMonths: 24 });
    setSessionForTests(undefined);
    const { id } = await ask(a, a.editor, { dutyId: duty.id, endsAt: dayFromNow(400) });
    await cancelApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.editor),
      approvalId: id,
    });
    // Back to the default, through the API this time.
    const response = await settingsRoute.PATCH(
      apiRequest("/api/v1/workspace/approval-settings", a.tokens.admin, {
        method: "PATCH",
        json: { maxApprovalMonths: 12 },
      }),
    );
    expect(response.status).toBe(200);
    expect(
      (await db.workspace.findUniqueOrThrow({ where: { id: a.workspace.id } })).maxApprovalMonths,
    ).toBe(12);
    // Another workspace's setting did not move.
    expect(
      (await db.workspace.findUniqueOrThrow({ where: { id: b.workspace.id } })).maxApprovalMonths,
    ).toBe(12);
  });

  it("refuses a second pending request for the same duty and kind (409)", async () => {
    const duty = await freshDuty(a);
    await ask(a, a.editor, { dutyId: duty.id });
    const again = await ask(a, a.editor, { dutyId: duty.id }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    // Another kind for the same duty is a different question.
    await ask(a, a.editor, { dutyId: duty.id, kind: "NOT_APPLICABLE" });
  });
});

describe("deciding", () => {
  it("the requester never decides their own request, even as OWNER or through their token", async () => {
    const duty = await freshDuty(a);
    const { id } = await ask(a, a.owner, { dutyId: duty.id, approverId: a.admin.id });
    const own = await approveApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.owner),
      input: { approvalId: id },
    }).catch((e: unknown) => e);
    expect(own).toBeInstanceOf(ForbiddenError);
    const viaToken = await approveRoute.POST(
      apiRequest(`/api/v1/approvals/${id}/approve`, a.tokens.owner, { method: "POST", json: {} }),
      routeParams({ approvalId: id }),
    );
    expect(viaToken.status).toBe(403);
    setSessionForTests(a.owner.id);
    const viaAction = await approvalActions.rejectApprovalAction(a.workspace.slug, {
      approvalId: id,
      comment: "no",
    });
    expect(viaAction.serverError).toMatchObject({ code: "FORBIDDEN" });
    setSessionForTests(undefined);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await isGap(a, duty.id)).toBe(true);
  });

  it("an EDITOR cannot decide, another ADMIN can; the duty is covered then and the requester told", async () => {
    // Coverage also needs an owner: the duty has one, so only the approval is missing.
    const duty = await freshDuty(a, a.viewer.id);
    const { id } = await ask(a, a.editor, { dutyId: duty.id, approverId: a.admin.id });
    const editorTry = await approveApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.editor),
      input: { approvalId: id },
    }).catch((e: unknown) => e);
    expect(editorTry).toBeInstanceOf(ForbiddenError);
    const editorToken = await approveRoute.POST(
      apiRequest(`/api/v1/approvals/${id}/approve`, a.tokens.editor, { method: "POST", json: {} }),
      routeParams({ approvalId: id }),
    );
    expect(editorToken.status).toBe(403);
    expect(await isGap(a, duty.id)).toBe(true);

    // The owner is not the named approver but an admin of the workspace: they may decide.
    const done = await approveApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.owner),
      input: { approvalId: id, comment: "Fine until the pilot ends." },
    });
    expect(done).toEqual({ id, status: "APPROVED" });
    const after = await db.duty.findUniqueOrThrow({ where: { id: duty.id } });
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({
      status: "RISK_ACCEPTED",
      riskApproverId: a.owner.id,
      justification: "Read-only tools until the pilot ends.",
      version: duty.version + 1,
    });
    expect(after.riskAcceptanceExpiresAt).toEqual(row.endsAt);
    expect(row).toMatchObject({
      decidedById: a.owner.id,
      decisionComment: "Fine until the pilot ends.",
    });
    expect(await isGap(a, duty.id)).toBe(false);
    expect(await notificationsOf(a.editor.id, "approval.decided", id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "approval.approve" } })).toBe(
      1,
    );
    expect(
      await db.auditEvent.count({
        where: { entityId: duty.id, action: "responsibility.acceptRisk" },
      }),
    ).toBe(1);
    // Decided once: a second decision is a conflict.
    const twice = await rejectApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.admin),
      input: { approvalId: id, comment: "late" },
    }).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(ConflictError);
  });

  it("the named approver decides through their own token; a rejection needs a comment and changes nothing", async () => {
    const duty = await freshDuty(a);
    const { id } = await ask(a, a.editor, { dutyId: duty.id, kind: "NOT_APPLICABLE" });
    const reject = (json: Record<string, unknown>) =>
      rejectRoute.POST(
        apiRequest(`/api/v1/approvals/${id}/reject`, a.tokens.admin, { method: "POST", json }),
        routeParams({ approvalId: id }),
      );
    expect((await reject({})).status).toBe(400);
    const done = await reject({ comment: "It applies: the agent calls tools." });
    expect(done.status).toBe(200);
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "REJECTED", decidedById: a.admin.id });
    expect(row.decidedByTokenId).not.toBeNull();
    expect((await db.duty.findUniqueOrThrow({ where: { id: duty.id } })).status).toBe(
      "NOT_STARTED",
    );
    expect(await notificationsOf(a.editor.id, "approval.decided", id)).toHaveLength(1);
  });

  it("a request made through a token counts its creator as requester", async () => {
    const duty = await freshDuty(a);
    const response = await approvalsRoute.POST(
      apiRequest("/api/v1/approvals", a.tokens.admin, {
        method: "POST",
        json: {
          kind: "RISK_ACCEPTANCE",
          dutyId: duty.id,
          approverId: a.owner.id,
          justification: "Asked by the admin's script.",
          endsAt: dayFromNow(10),
        },
      }),
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      requestedById: a.admin.id,
    });
    // The admin's session may not approve what their token asked for.
    setSessionForTests(a.admin.id);
    const own = await approvalActions.approveApprovalAction(a.workspace.slug, { approvalId: id });
    expect(own.serverError).toMatchObject({ code: "FORBIDDEN" });
    const cancelled = await approvalActions.cancelApprovalAction(a.workspace.slug, {
      approvalId: id,
    });
    expect(cancelled.data).toMatchObject({ status: "CANCELLED" });
    setSessionForTests(undefined);
  });

  it("an edit cannot start a waiver, and leaving one ends its approval", async () => {
    const duty = await freshDuty(a);
    const { id } = await ask(a, a.editor, { dutyId: duty.id, kind: "NOT_APPLICABLE" });
    await approveApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.admin),
      input: { approvalId: id },
    });
    const current = await db.duty.findUniqueOrThrow({ where: { id: duty.id } });
    expect(current.status).toBe("NOT_APPLICABLE");
    await updateDuty({
      workspaceId: a.workspace.id,
      actor: userActor(a.editor),
      input: { dutyId: duty.id, expectedVersion: current.version, status: "IN_PROGRESS" },
    });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "EXPIRED",
      endReason: "withdrawn",
    });
  });
});

describe("the end of an approval (approvals-expire)", () => {
  it("puts a not-applicable duty back, tells its owner once, and is idempotent", async () => {
    const duty = await freshDuty(a, a.viewer.id);
    const { id } = await ask(a, a.editor, { dutyId: duty.id, kind: "NOT_APPLICABLE" });
    await approveApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.admin),
      input: { approvalId: id },
    });
    expect(await isGap(a, duty.id)).toBe(false);
    const past = new Date(Date.now() - 60_000);
    await db.approvalRequest.update({ where: { id }, data: { endsAt: past } });
    expect(await expireApprovals({ workspaceId: a.workspace.id })).toBe(1);
    expect(await expireApprovals({ workspaceId: a.workspace.id })).toBe(0);
    expect(await db.duty.findUniqueOrThrow({ where: { id: duty.id } })).toMatchObject({
      status: "NOT_STARTED",
      justification: null,
    });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "EXPIRED",
      endReason: "expired",
    });
    expect(await isGap(a, duty.id)).toBe(true);
    expect(await notificationsOf(a.viewer.id, "approval.expired", id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "approval.expire" } })).toBe(
      1,
    );
  });

  it("a risk acceptance is a gap from its end; the job marks it ended and tells the owner", async () => {
    const duty = await freshDuty(a, a.viewer.id);
    const { id } = await ask(a, a.editor, { dutyId: duty.id });
    await approveApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.admin),
      input: { approvalId: id },
    });
    const past = new Date(Date.now() - 60_000);
    await db.approvalRequest.update({ where: { id }, data: { endsAt: past } });
    await db.duty.update({ where: { id: duty.id }, data: { riskAcceptanceExpiresAt: past } });
    expect(await isGap(a, duty.id)).toBe(true);
    // The scheduled handler, as the queue runs it, twice (a retry or a second process).
    const context = {
      jobId: "test",
      attempt: 0,
      finalAttempt: true,
      signal: new AbortController().signal,
      log: logger,
    };
    await approvalsExpireJob.handle({}, context);
    await approvalsExpireJob.handle({}, context);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    expect(await notificationsOf(a.viewer.id, "approval.expired", id)).toHaveLength(1);
  });

  it("an override applies on approval and is removed at its end", async () => {
    const responsibility = await db.responsibility.findFirstOrThrow({
      where: { workspaceId: a.workspace.id, systemId: a.system.id, value: "C" },
    });
    const { id } = await ask(a, a.editor, {
      kind: "OVERRIDE",
      responsibilityId: responsibility.id,
      proposedValue: "S",
    });
    expect(
      (await db.responsibility.findUniqueOrThrow({ where: { id: responsibility.id } })).value,
    ).toBe("C");
    await approveApprovalRequest({
      workspaceId: a.workspace.id,
      caller: caller(a.admin),
      input: { approvalId: id },
    });
    expect(
      await db.responsibility.findUniqueOrThrow({ where: { id: responsibility.id } }),
    ).toMatchObject({
      value: "S",
      overrideValue: "S",
      overriddenById: a.editor.id,
    });
    await db.approvalRequest.update({
      where: { id },
      data: { endsAt: new Date(Date.now() - 1000) },
    });
    await expireApprovals({ workspaceId: a.workspace.id });
    expect(
      await db.responsibility.findUniqueOrThrow({ where: { id: responsibility.id } }),
    ).toMatchObject({
      value: "C",
      overrideValue: null,
    });
    expect(await db.duty.count({ where: { responsibilityId: responsibility.id } })).toBe(1);
  });
});

describe("two workspaces and roles", () => {
  it("another workspace's token or member reaches no request (404), and lists show only their own", async () => {
    const duty = await freshDuty(a);
    const { id } = await ask(a, a.editor, { dutyId: duty.id });
    for (const [route, path, json] of [
      [approveRoute.POST, "approve", {}],
      [rejectRoute.POST, "reject", { comment: "x" }],
      [cancelRoute.POST, "cancel", undefined],
    ] as const) {
      const response = await route(
        apiRequest(`/api/v1/approvals/${id}/${path}`, b.tokens.admin, { method: "POST", json }),
        routeParams({ approvalId: id }),
      );
      expect(response.status, path).toBe(404);
    }
    const create = await approvalsRoute.POST(
      apiRequest("/api/v1/approvals", b.tokens.editor, {
        method: "POST",
        json: {
          kind: "RISK_ACCEPTANCE",
          dutyId: duty.id,
          approverId: b.admin.id,
          justification: "x",
          endsAt: dayFromNow(5),
        },
      }),
    );
    expect(create.status).toBe(404);
    const list = await approvalsRoute.GET(apiRequest("/api/v1/approvals", b.tokens.viewer));
    expect(list.status).toBe(200);
    const body = (await list.json()) as { approvals: { id: string }[] };
    expect(body.approvals.map((x) => x.id)).not.toContain(id);
    const own = await approvalsRoute.GET(
      apiRequest(`/api/v1/approvals?dutyId=${duty.id}`, a.tokens.viewer),
    );
    expect(
      ((await own.json()) as { approvals: { id: string }[] }).approvals.map((x) => x.id),
    ).toContain(id);

    // Server actions: B's admin with A's slug is not a member (404); with B's slug, A's id is 404.
    setSessionForTests(b.admin.id);
    expect(
      (await approvalActions.approveApprovalAction(a.workspace.slug, { approvalId: id }))
        .serverError,
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await approvalActions.approveApprovalAction(b.workspace.slug, { approvalId: id }))
        .serverError,
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      (
        await approvalActions.requestApprovalAction(b.workspace.slug, {
          kind: "RISK_ACCEPTANCE",
          dutyId: duty.id,
          approverId: b.owner.id,
          justification: "x",
          endsAt: dayFromNow(5),
        })
      ).serverError,
    ).toMatchObject({ code: "NOT_FOUND" });
    setSessionForTests(undefined);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(
      await db.notification.count({ where: { workspaceId: b.workspace.id, entityId: id } }),
    ).toBe(0);
  });

  it("VIEWER and AUDITOR read but neither request nor decide; EDITOR requests but does not decide", async () => {
    const duty = await freshDuty(a);
    const body = {
      kind: "RISK_ACCEPTANCE" as const,
      dutyId: duty.id,
      approverId: a.admin.id,
      justification: "x",
      endsAt: dayFromNow(5),
    };
    for (const role of ["viewer", "auditor"] as const) {
      const read = await approvalsRoute.GET(
        apiRequest("/api/v1/approvals?mine=requester", a.tokens[role]),
      );
      expect(read.status, role).toBe(200);
      const create = await approvalsRoute.POST(
        apiRequest("/api/v1/approvals", a.tokens[role], { method: "POST", json: body }),
      );
      expect(create.status, role).toBe(403);
      setSessionForTests(a[role].id);
      expect(
        (await approvalActions.requestApprovalAction(a.workspace.slug, body)).serverError,
      ).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    setSessionForTests(a.editor.id);
    const made = await approvalActions.requestApprovalAction(a.workspace.slug, body);
    expect(made.data).toMatchObject({ status: "PENDING" });
    const id = made.data!.id;
    expect(
      (await approvalActions.approveApprovalAction(a.workspace.slug, { approvalId: id }))
        .serverError,
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    for (const role of ["viewer", "auditor"] as const) {
      const cancel = await cancelRoute.POST(
        apiRequest(`/api/v1/approvals/${id}/cancel`, a.tokens[role], { method: "POST" }),
        routeParams({ approvalId: id }),
      );
      expect(cancel.status, role).toBe(403);
    }
    setSessionForTests(a.admin.id);
    expect(
      (await approvalActions.approveApprovalAction(a.workspace.slug, { approvalId: id })).data,
    ).toMatchObject({
      status: "APPROVED",
    });
    setSessionForTests(undefined);
  });
});

describe("pages", () => {
  it("the approvals page shows a workspace's own requests only, with decide rights by role", async () => {
    const duty = await freshDuty(a);
    const justification = `Page check ${duty.id}`;
    await ask(a, a.editor, { dutyId: duty.id, justification });
    const page = (slug: string) => ({ params: Promise.resolve({ workspaceSlug: slug }) });

    setSessionForTests(a.admin.id);
    const forAdmin = serialise(await ApprovalsPage(page(a.workspace.slug)));
    expect(forAdmin).toContain(justification);
    expect(forAdmin).toContain("Waiting for your decision");
    expect(forAdmin).toContain('"canDecide":true');

    setSessionForTests(a.viewer.id);
    const forViewer = serialise(await ApprovalsPage(page(a.workspace.slug)));
    expect(forViewer).not.toContain(justification);
    expect(forViewer).toContain("No approval requests");

    setSessionForTests(a.editor.id);
    const forEditor = serialise(await ApprovalsPage(page(a.workspace.slug)));
    expect(forEditor).toContain(justification);
    expect(forEditor).toContain('"canDecide":false');
    const system = serialise(
      await SystemPage({
        params: Promise.resolve({ workspaceSlug: a.workspace.slug, systemId: a.system.id }),
      }),
    );
    expect(system).toContain(justification);

    setSessionForTests(b.admin.id);
    await expectNotFound(() => ApprovalsPage(page(a.workspace.slug)));
    expect(serialise(await ApprovalsPage(page(b.workspace.slug)))).not.toContain(justification);
    await expectNotFound(() =>
      SystemPage({
        params: Promise.resolve({ workspaceSlug: b.workspace.slug, systemId: a.system.id }),
      }),
    );
    setSessionForTests(undefined);
  });
});
