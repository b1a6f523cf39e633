// Action plans and comments through every door: the REST API (tokens of each role), the server
// actions (sessions of each role) and the pages. Two workspaces: the other one's plans, duties
// and comments answer 404 (or an empty list) everywhere and nothing of theirs changes.
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import PlanPage from "@/app/(app)/w/[workspaceSlug]/plans/[planId]/page";
import { GET as plansCsvRoute } from "@/app/(app)/w/[workspaceSlug]/plans/export/route";
import PlansPage from "@/app/(app)/w/[workspaceSlug]/plans/page";
import SystemPage from "@/app/(app)/w/[workspaceSlug]/systems/[systemId]/page";
import * as comment from "@/app/api/v1/comments/[commentId]/route";
import * as comments from "@/app/api/v1/comments/route";
import * as planClose from "@/app/api/v1/plans/[planId]/close/route";
import * as planDuty from "@/app/api/v1/plans/[planId]/duties/[dutyId]/route";
import * as planDuties from "@/app/api/v1/plans/[planId]/duties/route";
import * as plan from "@/app/api/v1/plans/[planId]/route";
import * as plansExport from "@/app/api/v1/plans/export/route";
import * as plans from "@/app/api/v1/plans/route";
import {
  createCommentAction,
  deleteCommentAction,
  updateCommentAction,
} from "@/lib/actions/comments";
import {
  addPlanDutiesAction,
  closePlanAction,
  createPlanAction,
  removePlanDutiesAction,
  updatePlanAction,
} from "@/lib/actions/plans";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createComment } from "@/lib/server/comments/create-comment";
import { expectNotFound } from "@/tests/support/identity-fixtures";

import { type ApiSide, buildApiSide, callApi } from "./api-fixtures";
import { serialise } from "./dashboard-fixtures";
import { actorOf, ensureFrameworks } from "./systems-fixtures";

let a: ApiSide;
let b: ApiSide;
let bPlanId: string;
let bCommentId: string;

beforeAll(async () => {
  await ensureFrameworks();
  a = await buildApiSide("Alpha");
  b = await buildApiSide("Bravo");
  const created = await callApi(plans.POST, {
    token: b.tokens.EDITOR,
    method: "POST",
    body: { title: "Bravo Secret Plan", dutyIds: [b.duty.id], ownerId: b.editor.id },
  });
  bPlanId = ((await created.json()) as { id: string }).id;
  bCommentId = (
    await createComment({
      workspaceId: b.workspace.id,
      actor: actorOf(b.editor),
      authorId: b.editor.id,
      input: { planId: bPlanId, body: "Bravo Secret Comment" },
    })
  ).id;
});
afterEach(() => setSessionForTests(undefined));

const bravoUnchanged = async () => {
  const stored = await db.actionPlan.findUniqueOrThrow({
    where: { id: bPlanId },
    include: { duties: true },
  });
  expect(stored).toMatchObject({ title: "Bravo Secret Plan", status: "OPEN", version: 1 });
  expect(stored.duties.map((d) => d.dutyId)).toEqual([b.duty.id]);
  const note = await db.comment.findUniqueOrThrow({ where: { id: bCommentId } });
  expect(note).toMatchObject({ body: "Bravo Secret Comment", deletedAt: null });
};

describe("REST API", () => {
  it("creates, reads, edits, adds and removes duties and closes a plan in the token's workspace", async () => {
    const created = await callApi(plans.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      body: {
        title: "Alpha plan",
        dutyIds: [a.duty.id],
        ownerId: a.editor.id,
        dueDate: "2020-01-01",
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const got = await callApi(plan.GET, { token: a.tokens.VIEWER, params: { planId: id } });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({
      plan: { id, total: 1, covered: 0, overdue: true, effectiveStatus: "OPEN" },
      duties: [{ dutyId: a.duty.id, covered: false }],
    });
    const list = await callApi(plans.GET, {
      token: a.tokens.VIEWER,
      path: "/api/v1/plans?overdue=true",
    });
    const listed = (await list.json()) as { plans: { id: string }[] };
    expect(listed.plans.map((p) => p.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toContain("Bravo");
    const patched = await callApi(plan.PATCH, {
      token: a.tokens.EDITOR,
      method: "PATCH",
      params: { planId: id },
      body: { expectedVersion: 1, status: "IN_PROGRESS" },
    });
    expect(await patched.json()).toMatchObject({ version: 2, changed: true });
    const removed = await callApi(planDuty.DELETE, {
      token: a.tokens.EDITOR,
      method: "DELETE",
      params: { planId: id, dutyId: a.duty.id },
    });
    expect(await removed.json()).toMatchObject({ removed: 1 });
    const added = await callApi(planDuties.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      params: { planId: id },
      body: { dutyIds: [a.duty.id] },
    });
    expect(await added.json()).toMatchObject({ added: 1 });
    const closed = await callApi(planClose.POST, {
      token: a.tokens.ADMIN,
      method: "POST",
      params: { planId: id },
      body: { status: "CANCELLED", note: "Replaced" },
    });
    expect(closed.status).toBe(200);
    const csv = await callApi(plansExport.GET, {
      token: a.tokens.AUDITOR,
      path: "/api/v1/plans/export",
    });
    const text = await csv.text();
    expect(text).toContain("Alpha plan");
    expect(text).not.toContain("Bravo Secret Plan");
  });

  it("answers 404 for another workspace's plan, duty and comment and changes nothing", async () => {
    const token = a.tokens.ADMIN;
    const statuses = await Promise.all([
      callApi(plan.GET, { token, params: { planId: bPlanId } }),
      callApi(plan.PATCH, {
        token,
        method: "PATCH",
        params: { planId: bPlanId },
        body: { expectedVersion: 1, title: "Taken" },
      }),
      callApi(planDuties.POST, {
        token,
        method: "POST",
        params: { planId: bPlanId },
        body: { dutyIds: [a.duty.id] },
      }),
      callApi(planDuty.DELETE, {
        token,
        method: "DELETE",
        params: { planId: bPlanId, dutyId: b.duty.id },
      }),
      callApi(planClose.POST, {
        token,
        method: "POST",
        params: { planId: bPlanId },
        body: { status: "DONE", note: "x" },
      }),
      callApi(comments.POST, {
        token,
        method: "POST",
        body: { planId: bPlanId, body: "Hello" },
      }),
      callApi(comments.POST, {
        token,
        method: "POST",
        body: { dutyId: b.duty.id, body: "Hello" },
      }),
      callApi(comment.PATCH, {
        token,
        method: "PATCH",
        params: { commentId: bCommentId },
        body: { body: "Rewritten" },
      }),
      callApi(comment.DELETE, { token, method: "DELETE", params: { commentId: bCommentId } }),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
    const foreignDuty = await callApi(plans.POST, {
      token,
      method: "POST",
      body: { title: "With a foreign duty", dutyIds: [b.duty.id] },
    });
    expect(foreignDuty.status).toBe(400);
    const thread = await callApi(comments.GET, {
      token,
      path: `/api/v1/comments?planId=${bPlanId}`,
    });
    expect(await thread.json()).toEqual({ comments: [] });
    await bravoUnchanged();
  });

  it("lets readers read, EDITOR+ write, and only the author edit or an ADMIN delete", async () => {
    const viewerCreate = await callApi(plans.POST, {
      token: a.tokens.VIEWER,
      method: "POST",
      body: { title: "Viewer plan" },
    });
    expect(viewerCreate.status).toBe(403);
    const auditorComment = await callApi(comments.POST, {
      token: a.tokens.AUDITOR,
      method: "POST",
      body: { dutyId: a.duty.id, body: "Auditor says" },
    });
    expect(auditorComment.status).toBe(403);
    // The tokens' creator is the owner: an editor's own comment is someone else's to them.
    const editorsComment = await createComment({
      workspaceId: a.workspace.id,
      actor: actorOf(a.editor),
      authorId: a.editor.id,
      input: { dutyId: a.duty.id, body: "Editor's note" },
    });
    const edit = await callApi(comment.PATCH, {
      token: a.tokens.EDITOR,
      method: "PATCH",
      params: { commentId: editorsComment.id },
      body: { body: "Not yours" },
    });
    expect(edit.status).toBe(403);
    const editorDelete = await callApi(comment.DELETE, {
      token: a.tokens.EDITOR,
      method: "DELETE",
      params: { commentId: editorsComment.id },
    });
    expect(editorDelete.status).toBe(403);
    const own = await callApi(comments.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      body: { dutyId: a.duty.id, body: `Hi @${a.editor.email.split("@")[0]}` },
    });
    expect(own.status).toBe(201);
    const ownBody = (await own.json()) as { id: string; mentioned: string[] };
    expect(ownBody.mentioned).toEqual([a.editor.id]);
    const ownEdit = await callApi(comment.PATCH, {
      token: a.tokens.EDITOR,
      method: "PATCH",
      params: { commentId: ownBody.id },
      body: { body: "Edited by its author" },
    });
    expect(await ownEdit.json()).toMatchObject({ changed: true });
    const adminDelete = await callApi(comment.DELETE, {
      token: a.tokens.ADMIN,
      method: "DELETE",
      params: { commentId: editorsComment.id },
    });
    expect(adminDelete.status).toBe(200);
    const list = await callApi(comments.GET, {
      token: a.tokens.VIEWER,
      path: `/api/v1/comments?dutyId=${a.duty.id}`,
    });
    const thread = (await list.json()) as { comments: { id: string; body: string | null }[] };
    expect(thread.comments.find((c) => c.id === editorsComment.id)?.body).toBeNull();
    expect(thread.comments.find((c) => c.id === ownBody.id)?.body).toBe("Edited by its author");
  });
});

describe("server actions", () => {
  it("let an EDITOR plan and comment, and refuse a VIEWER and AUDITOR", async () => {
    setSessionForTests(a.editor.id);
    const created = await createPlanAction(a.workspace.slug, {
      title: "From the gap list",
      dutyIds: [a.duty.id],
      ownerId: a.admin.id,
      dueDate: "",
      goal: "",
    });
    expect(created?.data?.id).toBeTruthy();
    const id = created!.data!.id;
    expect(
      (
        await updatePlanAction(a.workspace.slug, {
          planId: id,
          expectedVersion: 1,
          title: "Renamed",
        })
      )?.data,
    ).toMatchObject({ version: 2 });
    expect(
      (await removePlanDutiesAction(a.workspace.slug, { planId: id, dutyIds: [a.duty.id] }))?.data,
    ).toMatchObject({ removed: 1 });
    expect(
      (await addPlanDutiesAction(a.workspace.slug, { planId: id, dutyIds: [a.duty.id] }))?.data,
    ).toMatchObject({ added: 1 });
    const posted = await createCommentAction(a.workspace.slug, { planId: id, body: "On it" });
    expect(posted?.data?.id).toBeTruthy();
    expect(
      (await updateCommentAction(a.workspace.slug, { commentId: posted!.data!.id, body: "Done" }))
        ?.data,
    ).toMatchObject({ changed: true });
    expect(
      (await closePlanAction(a.workspace.slug, { planId: id, status: "DONE", note: "Finished" }))
        ?.data,
    ).toMatchObject({ status: "DONE" });
    expect(
      (await deleteCommentAction(a.workspace.slug, { commentId: posted!.data!.id }))?.data?.id,
    ).toBe(posted!.data!.id);

    for (const user of [a.viewer, a.auditor]) {
      setSessionForTests(user.id);
      const refused = await createPlanAction(a.workspace.slug, { title: "Nope" });
      expect(refused?.serverError).toMatchObject({ code: "FORBIDDEN", status: 403 });
      const refusedComment = await createCommentAction(a.workspace.slug, {
        planId: id,
        body: "Nope",
      });
      expect(refusedComment?.serverError).toMatchObject({ code: "FORBIDDEN", status: 403 });
    }
  });

  it("answer 404 for another workspace's slug and for its plan ids from one's own", async () => {
    setSessionForTests(a.owner.id);
    const foreignSlug = await createPlanAction(b.workspace.slug, { title: "Intruder" });
    expect(foreignSlug?.serverError).toMatchObject({ status: 404 });
    const foreignPlan = await updatePlanAction(a.workspace.slug, {
      planId: bPlanId,
      expectedVersion: 1,
      title: "Taken",
    });
    expect(foreignPlan?.serverError).toMatchObject({ status: 404 });
    const foreignClose = await closePlanAction(a.workspace.slug, {
      planId: bPlanId,
      status: "DONE",
      note: "x",
    });
    expect(foreignClose?.serverError).toMatchObject({ status: 404 });
    const foreignComment = await deleteCommentAction(a.workspace.slug, { commentId: bCommentId });
    expect(foreignComment?.serverError).toMatchObject({ status: 404 });
    await bravoUnchanged();
  });
});

describe("pages", () => {
  const plansPage = (slug: string, search: Record<string, string> = {}) =>
    PlansPage({
      params: Promise.resolve({ workspaceSlug: slug }),
      searchParams: Promise.resolve(search),
    });

  it("show a VIEWER the workspace's plans and a plan, never the other workspace's", async () => {
    setSessionForTests(a.viewer.id);
    const text = serialise(await plansPage(a.workspace.slug));
    expect(text).toContain("Renamed");
    expect(text).not.toContain("Bravo Secret Plan");
    const [first] = await db.actionPlan.findMany({
      where: { workspaceId: a.workspace.id },
      take: 1,
    });
    const detail = serialise(
      await PlanPage({
        params: Promise.resolve({ workspaceSlug: a.workspace.slug, planId: first!.id }),
      }),
    );
    expect(detail).toContain(first!.title);
    await expectNotFound(() => plansPage(b.workspace.slug));
    await expectNotFound(() =>
      PlanPage({ params: Promise.resolve({ workspaceSlug: a.workspace.slug, planId: bPlanId }) }),
    );
    await expectNotFound(() =>
      PlanPage({ params: Promise.resolve({ workspaceSlug: b.workspace.slug, planId: bPlanId }) }),
    );
    const csv = await plansCsvRoute(
      new Request(`http://localhost/w/${a.workspace.slug}/plans/export`),
      {
        params: Promise.resolve({ workspaceSlug: a.workspace.slug }),
      },
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).not.toContain("Bravo");
    const foreignCsv = await plansCsvRoute(
      new Request(`http://localhost/w/${b.workspace.slug}/plans/export`),
      { params: Promise.resolve({ workspaceSlug: b.workspace.slug }) },
    );
    expect(foreignCsv.status).toBe(404);
  });

  it("show a duty's thread on its system page and offer a new plan to writers only", async () => {
    const systemPage = () =>
      SystemPage({
        params: Promise.resolve({ workspaceSlug: a.workspace.slug, systemId: a.system.id }),
      });
    setSessionForTests(a.editor.id);
    const text = serialise(await systemPage());
    expect(text).toContain("Edited by its author");
    expect(text).not.toContain("Editor's note");
    expect(text).toContain("New plan for its gaps");
    expect(text).not.toContain("Bravo Secret Comment");
    setSessionForTests(a.viewer.id);
    const viewerText = serialise(await systemPage());
    expect(viewerText).toContain("Edited by its author");
    expect(viewerText).not.toContain("New plan for its gaps");
  });
});
