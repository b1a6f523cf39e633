// The inbox: only ever the asking person's own notifications of that workspace (two workspaces,
// two people), through the services, the server actions, the page, the header bell and the API;
// every role has an inbox; recordNotifications skips non-members; the duty-assignment hook; and
// the reminder scan, which run twice records each reminder once.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import WorkspaceLayout from "@/app/(app)/w/[workspaceSlug]/layout";
import NotificationsPage from "@/app/(app)/w/[workspaceSlug]/notifications/page";
import { POST as readOneRoute } from "@/app/api/v1/notifications/[notificationId]/read/route";
import { POST as readAllRoute } from "@/app/api/v1/notifications/read-all/route";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
  updateNotificationPreferencesAction,
} from "@/lib/actions/notifications";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { getNotificationPreferences } from "@/lib/server/notifications/notification-preferences";
import {
  type NotificationInput,
  recordNotifications,
} from "@/lib/server/notifications/record-notifications";
import { scanReminders } from "@/lib/server/notifications/scan-reminders";
import { bulkAssignOwner } from "@/lib/server/responsibilities/bulk-assign-owner";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import { expectNotFound } from "@/tests/support/identity-fixtures";

import { type ApiSide, buildApiSide, callApi } from "./api-fixtures";
import { serialise } from "./dashboard-fixtures";
import { actorOf, ensureFrameworks } from "./systems-fixtures";

let a: ApiSide;
let b: ApiSide;
beforeAll(async () => {
  await ensureFrameworks();
  a = await buildApiSide("InboxA");
  b = await buildApiSide("InboxB");
  // A's editor is also a member of B: their notifications of B never show in A, and back.
  await db.membership.create({
    data: { workspaceId: b.workspace.id, userId: a.editor.id, role: "VIEWER" },
  });
});
afterEach(() => setSessionForTests(undefined));
beforeEach(async () => {
  await db.notification.deleteMany({});
});

let serial = 0;
function item(userId: string, slug: string, title?: string): NotificationInput {
  serial++;
  return {
    userId,
    category: "ASSIGNMENT",
    event: "test.event",
    dedupeKey: `test:${serial}`,
    title: title ?? `Item ${serial}`,
    link: `/w/${slug}/systems/x${serial}`,
  };
}
const record = (workspaceId: string, items: NotificationInput[]) =>
  db.$transaction((tx) => recordNotifications(tx, workspaceId, items));
const page = (slug: string, search: Record<string, string> = {}) => ({
  params: Promise.resolve({ workspaceSlug: slug }),
  searchParams: Promise.resolve(search),
});

describe("recordNotifications", () => {
  it("skips people who are not active members of the workspace, and duplicates", async () => {
    const deactivated = await db.membership.findFirstOrThrow({
      where: { workspaceId: a.workspace.id, userId: a.viewer.id },
    });
    await db.membership.update({
      where: { id: deactivated.id },
      data: { deactivatedAt: new Date() },
    });
    try {
      const first = item(a.owner.id, a.workspace.slug);
      const created = await record(a.workspace.id, [
        first,
        item(b.owner.id, a.workspace.slug), // a member of B only
        item(a.viewer.id, a.workspace.slug), // deactivated in A
      ]);
      expect(created).toBe(1);
      expect(await record(a.workspace.id, [first])).toBe(0);
      expect(await db.notification.count()).toBe(1);
      expect(await db.notification.count({ where: { userId: b.owner.id } })).toBe(0);
    } finally {
      await db.membership.update({ where: { id: deactivated.id }, data: { deactivatedAt: null } });
    }
  });

  it("refuses a link outside the workspace paths", async () => {
    await expect(
      record(a.workspace.id, [{ ...item(a.owner.id, "x"), link: "https://evil.example/" }]),
    ).rejects.toThrow(/workspace path/);
  });
});

describe("isolation between workspaces and people", () => {
  it("lists only the person's own notifications of the asked workspace", async () => {
    await record(a.workspace.id, [item(a.editor.id, a.workspace.slug, "Editor in A")]);
    await record(a.workspace.id, [item(a.owner.id, a.workspace.slug, "Owner in A")]);
    await record(b.workspace.id, [item(a.editor.id, b.workspace.slug, "Editor in B")]);

    const editorA = await listNotifications({ workspaceId: a.workspace.id, userId: a.editor.id });
    expect(editorA.notifications.map((n) => n.title)).toEqual(["Editor in A"]);
    expect(editorA.unread).toBe(1);
    const editorB = await listNotifications({ workspaceId: b.workspace.id, userId: a.editor.id });
    expect(editorB.notifications.map((n) => n.title)).toEqual(["Editor in B"]);

    // The page and the bell, as the editor.
    setSessionForTests(a.editor.id);
    const html = serialise(await NotificationsPage(page(a.workspace.slug)));
    expect(html).toContain("Editor in A");
    expect(html).not.toContain("Owner in A");
    expect(html).not.toContain("Editor in B");
    const shell = (await WorkspaceLayout({
      children: null,
      params: Promise.resolve({ workspaceSlug: a.workspace.slug }),
    })) as { props: { notifications: { unread: number; href: string } } };
    expect(shell.props.notifications).toEqual({
      unread: 1,
      href: `/w/${a.workspace.slug}/notifications`,
    });

    // B's owner is no member of A: the page is a 404.
    setSessionForTests(b.owner.id);
    await expectNotFound(() => NotificationsPage(page(a.workspace.slug)));
  });

  it("marks only the person's own notification, in its own workspace", async () => {
    await record(a.workspace.id, [item(a.owner.id, a.workspace.slug, "Owner's")]);
    await record(b.workspace.id, [item(a.editor.id, b.workspace.slug, "Editor's in B")]);
    const owners = await db.notification.findFirstOrThrow({ where: { userId: a.owner.id } });
    const editorsB = await db.notification.findFirstOrThrow({ where: { userId: a.editor.id } });

    setSessionForTests(a.editor.id);
    // Another person's notification: not found, unchanged.
    const other = await markNotificationReadAction(a.workspace.slug, {
      notificationId: owners.id,
    });
    expect(other?.serverError?.status).toBe(404);
    // The editor's own, but of workspace B, asked through A: not found.
    const crossed = await markNotificationReadAction(a.workspace.slug, {
      notificationId: editorsB.id,
    });
    expect(crossed?.serverError?.status).toBe(404);
    // "Mark all" in A touches nothing of B.
    expect((await markAllNotificationsReadAction(a.workspace.slug))?.data).toEqual({ marked: 0 });
    expect(await db.notification.count({ where: { readAt: { not: null } } })).toBe(0);

    // Through B, the editor's own: marked.
    const own = await markNotificationReadAction(b.workspace.slug, {
      notificationId: editorsB.id,
    });
    expect(own?.data).toMatchObject({ id: editorsB.id, read: true });

    // A non-member's workspace slug answers 404.
    setSessionForTests(b.owner.id);
    const outsider = await markAllNotificationsReadAction(a.workspace.slug);
    expect(outsider?.serverError?.status).toBe(404);
  });

  it("the API answers for the token's creator in the token's workspace only", async () => {
    await record(a.workspace.id, [item(a.owner.id, a.workspace.slug, "For A's owner")]);
    await record(a.workspace.id, [item(a.editor.id, a.workspace.slug, "For A's editor")]);
    await record(b.workspace.id, [item(b.owner.id, b.workspace.slug, "For B's owner")]);
    const editors = await db.notification.findFirstOrThrow({ where: { userId: a.editor.id } });
    const bOwners = await db.notification.findFirstOrThrow({ where: { userId: b.owner.id } });

    const listed = await callApi(listRoute, {
      token: a.tokens.VIEWER,
      path: "/api/v1/notifications",
    });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { notifications: { title: string }[]; unread: number };
    expect(body.notifications.map((n) => n.title)).toEqual(["For A's owner"]);
    expect(body.unread).toBe(1);

    for (const notificationId of [editors.id, bOwners.id]) {
      const response = await callApi(readOneRoute, {
        token: a.tokens.ADMIN,
        method: "POST",
        params: { notificationId },
      });
      expect(response.status).toBe(404);
    }
    const all = await callApi(readAllRoute, { token: a.tokens.EDITOR, method: "POST" });
    expect(await all.json()).toEqual({ marked: 1 });
    expect(
      await db.notification.count({
        where: { readAt: { not: null }, userId: { not: a.owner.id } },
      }),
    ).toBe(0);

    const bad = await callApi(listRoute, {
      token: a.tokens.VIEWER,
      path: "/api/v1/notifications?pageSize=1000",
    });
    expect(bad.status).toBe(400);
  });
});

describe("every role has an inbox", () => {
  it("pages, actions and routes work for OWNER, ADMIN, EDITOR, AUDITOR and VIEWER", async () => {
    for (const person of [a.owner, a.admin, a.editor, a.auditor, a.viewer]) {
      await record(a.workspace.id, [item(person.id, a.workspace.slug, `For ${person.email}`)]);
      setSessionForTests(person.id);
      const html = serialise(await NotificationsPage(page(a.workspace.slug)));
      expect(html).toContain(`For ${person.email}`);
      const mine = await db.notification.findFirstOrThrow({ where: { userId: person.id } });
      const marked = await markNotificationReadAction(a.workspace.slug, {
        notificationId: mine.id,
      });
      expect(marked?.data?.read).toBe(true);
      expect((await markAllNotificationsReadAction(a.workspace.slug))?.data).toEqual({ marked: 0 });
    }
    for (const token of Object.values(a.tokens)) {
      expect((await callApi(listRoute, { token, path: "/api/v1/notifications" })).status).toBe(200);
      expect((await callApi(readAllRoute, { token, method: "POST" })).status).toBe(200);
    }
  });
});

describe("preferences", () => {
  it("default per category until the person chooses, and only for that person", async () => {
    setSessionForTests(a.viewer.id);
    expect(await getNotificationPreferences(a.viewer.id)).toMatchObject({
      ASSIGNMENT: "IMMEDIATE",
      DUE: "DIGEST",
    });
    const saved = await updateNotificationPreferencesAction({
      ...(await getNotificationPreferences(a.viewer.id)),
      ASSIGNMENT: "OFF",
      DUE: "IMMEDIATE",
    });
    expect(saved?.data).toMatchObject({ ASSIGNMENT: "OFF", DUE: "IMMEDIATE" });
    expect((await getNotificationPreferences(a.editor.id)).ASSIGNMENT).toBe("IMMEDIATE");
    const wrong = await updateNotificationPreferencesAction({
      ...(await getNotificationPreferences(a.viewer.id)),
      DUE: "SOMETIMES" as "OFF",
    });
    expect(wrong?.validationErrors?.fieldErrors?.DUE?.[0]).toMatch(/IMMEDIATE/);
    expect((await getNotificationPreferences(a.viewer.id)).DUE).toBe("IMMEDIATE");
  });
});

describe("duty assignment", () => {
  it("tells the new owner once, and nobody of their own assignment", async () => {
    const duty = await db.duty.findFirstOrThrow({ where: { id: a.duty.id } });
    const result = await updateDuty({
      workspaceId: a.workspace.id,
      actor: actorOf(a.owner),
      input: { dutyId: duty.id, expectedVersion: duty.version, ownerId: a.editor.id },
    });
    const told = await db.notification.findMany({ where: { userId: a.editor.id } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      category: "ASSIGNMENT",
      event: "duty.assigned",
      dedupeKey: `duty.assigned:${duty.id}:${result.version}`,
      workspaceId: a.workspace.id,
    });
    expect(told[0]!.link).toContain(`/w/${a.workspace.slug}/systems/${a.system.id}#domain-`);

    // Taking it oneself tells nobody.
    await updateDuty({
      workspaceId: a.workspace.id,
      actor: actorOf(a.admin),
      input: { dutyId: duty.id, expectedVersion: result.version, ownerId: a.admin.id },
    });
    expect(await db.notification.count({ where: { userId: a.admin.id } })).toBe(0);

    // A bulk assignment tells the new owner of the parts whose owner changes.
    await bulkAssignOwner({
      workspaceId: a.workspace.id,
      actor: actorOf(a.owner),
      input: { ownerId: a.viewer.id, target: { kind: "duties", dutyIds: [duty.id] } },
    });
    expect(await db.notification.count({ where: { userId: a.viewer.id } })).toBe(1);

    // Many at once make one summary linking to the owner's list, not an e-mail per duty.
    const { count } = await bulkAssignOwner({
      workspaceId: a.workspace.id,
      actor: actorOf(a.owner),
      input: { ownerId: a.auditor.id, target: { kind: "system", systemId: a.system.id } },
    });
    expect(count).toBeGreaterThan(10);
    const summary = await db.notification.findMany({ where: { userId: a.auditor.id } });
    expect(summary).toHaveLength(1);
    expect(summary[0]!.title).toBe(`${count} duties were assigned to you`);
    expect(summary[0]!.link).toBe(`/w/${a.workspace.slug}/my-duties`);
  });
});

describe("reminder scan", () => {
  it("records due, overdue and expiry reminders once however often it runs", async () => {
    const now = new Date();
    const day = (offset: number) =>
      new Date(
        `${new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`,
      );
    const [soon, late] = await db.duty.findMany({
      where: { workspaceId: a.workspace.id, side: "CUSTOMER" },
      take: 2,
      orderBy: { id: "asc" },
    });
    await db.duty.update({
      where: { id: soon!.id },
      data: { ownerId: a.editor.id, dueDate: day(3), status: "IN_PROGRESS" },
    });
    await db.duty.update({
      where: { id: late!.id },
      data: { ownerId: a.viewer.id, dueDate: day(-2), status: "NOT_STARTED" },
    });
    // B's duty, due too: its reminder goes to B's people only.
    await db.duty.update({
      where: { id: b.duty.id },
      data: { ownerId: b.owner.id, dueDate: day(1) },
    });
    const expiring = await db.evidence.create({
      data: {
        workspaceId: a.workspace.id,
        kind: "LINK",
        title: "Pen test",
        url: "https://example.test/pentest",
        validUntil: new Date(now.getTime() + 5 * 86_400_000),
        uploaderId: a.admin.id,
      },
    });
    await db.evidenceLink.create({
      data: { workspaceId: a.workspace.id, evidenceId: expiring.id, dutyId: soon!.id },
    });
    const attestation = await db.evidence.create({
      data: {
        workspaceId: a.workspace.id,
        kind: "ATTESTATION",
        title: "SOC 2",
        vendorId: a.vendor.id,
        validUntil: new Date(now.getTime() - 86_400_000),
        uploaderId: a.editor.id,
      },
    });

    const first = await scanReminders({ now });
    const second = await scanReminders({ now });
    expect(second.created).toBe(0);
    const rows = await db.notification.findMany({ orderBy: { dedupeKey: "asc" } });
    expect(first.created).toBe(rows.length);
    const keys = rows.map((row) => `${row.userId}|${row.dedupeKey}`);
    expect(new Set(keys).size).toBe(keys.length);

    const of = (userId: string) =>
      rows.filter((row) => row.userId === userId).map((row) => row.dedupeKey.split(":")[0]);
    expect(of(a.editor.id).sort()).toEqual(["duty.due-soon", "evidence.expiring"]);
    expect(of(a.viewer.id)).toEqual(["duty.overdue"]);
    expect(of(a.admin.id)).toContain("evidence.expiring");
    expect(rows.find((row) => row.dedupeKey.startsWith("duty.overdue"))?.dedupeKey).toBe(
      `duty.overdue:${late!.id}:${day(-2).toISOString().slice(0, 10)}`,
    );
    // The vendor's attestation: no provider duty of its system has an owner, so A's admins hear.
    const attested = rows.filter((row) => row.entityId === attestation.id);
    expect(attested.map((row) => row.userId).sort()).toEqual([a.owner.id, a.admin.id].sort());
    expect(attested.every((row) => row.category === "ATTESTATION_EXPIRY")).toBe(true);
    // Nothing of A reached B's people, and B's duty told B's owner, in B.
    expect(rows.filter((row) => row.userId === b.owner.id).map((row) => row.workspaceId)).toEqual([
      b.workspace.id,
    ]);
    expect(rows.filter((row) => row.workspaceId === b.workspace.id)).toHaveLength(1);

    // With an owner on a provider duty of the vendor's system, the owner hears instead.
    const provider = await db.duty.findFirstOrThrow({
      where: { workspaceId: a.workspace.id, systemId: a.system.id, side: "PROVIDER" },
    });
    await db.duty.update({ where: { id: provider.id }, data: { ownerId: a.auditor.id } });
    await db.evidence.update({
      where: { id: attestation.id },
      data: { validUntil: new Date(now.getTime() + 10 * 86_400_000) },
    });
    await scanReminders({ now });
    const renewed = await db.notification.findMany({
      where: { entityId: attestation.id, event: "vendor.attestation-expiring" },
    });
    expect(renewed.map((row) => row.userId)).toEqual([a.auditor.id]);
  });
});
