import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createEvidenceAction,
  deleteEvidenceAction,
  linkEvidenceAction,
  purgeEvidenceAction,
  reviewEvidenceAction,
  unlinkEvidenceAction,
} from "@/lib/actions/evidence";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { createEvidence } from "@/lib/server/evidence/create-evidence";

import { createEvidenceWorld, type EvidenceWorld } from "../support/evidence-fixtures";

let a: EvidenceWorld;
let b: EvidenceWorld;
let itemOfA: string;
let itemOfB: string;
const members: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  a = await createEvidenceWorld("ui-act-a");
  b = await createEvidenceWorld("ui-act-b");
  for (const role of ["ADMIN", "EDITOR", "AUDITOR", "VIEWER"] as const) {
    const user = await db.user.create({
      data: { email: `${role.toLowerCase()}-${a.workspace.slug}@example.com`, name: role },
    });
    await db.membership.create({ data: { workspaceId: a.workspace.id, userId: user.id, role } });
    members[role] = user.id;
  }
  itemOfA = (
    await createEvidence({
      workspaceId: a.workspace.id,
      actor: a.actor,
      input: {
        kind: "LINK",
        title: "A's secret wiki",
        url: "https://a.example/wiki",
        dutyIds: [a.customerDuty.id],
      },
    })
  ).id;
  itemOfB = (
    await createEvidence({
      workspaceId: b.workspace.id,
      actor: b.actor,
      input: { kind: "LINK", title: "B's wiki", url: "https://b.example/wiki" },
    })
  ).id;
});

afterAll(() => setSessionForTests(undefined));

const link = { kind: "LINK" as const, title: "Runbook", url: "https://wiki.example/runbook" };

/** Every action once, against `slug`, with ids chosen by the caller. */
function everyAction(slug: string, ids: { evidenceId: string; dutyId: string }) {
  return {
    create: () => createEvidenceAction(slug, { ...link, dutyIds: [ids.dutyId] }),
    link: () => linkEvidenceAction(slug, ids),
    unlink: () => unlinkEvidenceAction(slug, ids),
    review: () => reviewEvidenceAction(slug, { evidenceId: ids.evidenceId, status: "ACCEPTED" }),
    delete: () => deleteEvidenceAction(slug, { evidenceId: ids.evidenceId }),
    purge: () => purgeEvidenceAction(slug, { evidenceId: ids.evidenceId }),
  };
}

describe("two workspaces", () => {
  it("a non-member gets 404 from every action on A's slug, and an unknown slug is the same", async () => {
    setSessionForTests(b.user.id);
    for (const slug of [a.workspace.slug, "no-such-workspace"]) {
      for (const [name, run] of Object.entries(
        everyAction(slug, { evidenceId: itemOfA, dutyId: a.customerDuty.id }),
      )) {
        const result = await run();
        expect(result?.serverError, `${name} on ${slug}`).toMatchObject({
          code: "NOT_FOUND",
          status: 404,
        });
        expect(JSON.stringify(result)).not.toContain("secret");
      }
    }
    expect(await db.evidence.count({ where: { workspaceId: a.workspace.id } })).toBe(1);
    expect(
      await db.evidence.findFirst({
        where: { id: itemOfA },
        select: { deletedAt: true, reviewStatus: true },
      }),
    ).toEqual({ deletedAt: null, reviewStatus: "PENDING" });
  });

  it("B's evidence and parts answer 404 inside A's workspace, for A's owner", async () => {
    setSessionForTests(a.user.id);
    const actions = everyAction(a.workspace.slug, {
      evidenceId: itemOfB,
      dutyId: a.customerDuty.id,
    });
    for (const name of ["link", "unlink", "review", "delete", "purge"] as const) {
      expect((await actions[name]())?.serverError, name).toMatchObject({ code: "NOT_FOUND" });
    }
    const foreignDuty = everyAction(a.workspace.slug, {
      evidenceId: itemOfA,
      dutyId: b.customerDuty.id,
    });
    for (const name of ["create", "link", "unlink"] as const) {
      expect((await foreignDuty[name]())?.serverError, name).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(
      await db.evidence.findFirst({
        where: { id: itemOfB },
        select: { deletedAt: true, reviewStatus: true },
      }),
    ).toEqual({ deletedAt: null, reviewStatus: "PENDING" });
    expect(await db.evidenceLink.count({ where: { dutyId: b.customerDuty.id } })).toBe(0);
  });
});

describe("roles", () => {
  it.each(["VIEWER", "AUDITOR"] as const)("a %s can change nothing", async (role) => {
    setSessionForTests(members[role]!);
    for (const [name, run] of Object.entries(
      everyAction(a.workspace.slug, { evidenceId: itemOfA, dutyId: a.promptPart.id }),
    )) {
      expect((await run())?.serverError, name).toMatchObject({ code: "FORBIDDEN", status: 403 });
    }
  });

  it("an EDITOR cannot review or purge", async () => {
    setSessionForTests(members.EDITOR!);
    const actions = everyAction(a.workspace.slug, { evidenceId: itemOfA, dutyId: a.promptPart.id });
    expect((await actions.review())?.serverError).toMatchObject({ code: "FORBIDDEN" });
    expect((await actions.purge())?.serverError).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the signed-in workflow", () => {
  it("an EDITOR creates, reuses and unlinks evidence", async () => {
    setSessionForTests(members.EDITOR!);
    const created = await createEvidenceAction(a.workspace.slug, {
      kind: "NOTE",
      title: "Runbook",
      note: "# Steps\n<script>x</script>",
      dutyIds: [a.customerDuty.id],
    });
    const id = created?.data?.id;
    expect(id).toBeTruthy();
    expect(
      (await linkEvidenceAction(a.workspace.slug, { evidenceId: id!, dutyId: a.promptPart.id }))
        ?.data,
    ).toEqual({ created: true });
    expect(await db.evidenceLink.count({ where: { evidenceId: id! } })).toBe(2);
    expect(
      (await unlinkEvidenceAction(a.workspace.slug, { evidenceId: id!, dutyId: a.promptPart.id }))
        ?.data,
    ).toEqual({ ok: true });
    expect(
      await db.evidenceLink.findMany({ where: { evidenceId: id! }, select: { dutyId: true } }),
    ).toEqual([{ dutyId: a.customerDuty.id }]);
  });

  it("refuses a javascript: link and names the field", async () => {
    setSessionForTests(members.EDITOR!);
    const result = await createEvidenceAction(a.workspace.slug, {
      ...link,
      url: "javascript:alert(1)",
    });
    const fieldErrors = result?.validationErrors?.fieldErrors as
      Record<string, string[] | undefined> | undefined;
    expect(fieldErrors?.url?.[0]).toMatch(/http/);
    expect(
      await db.evidence.count({
        where: { workspaceId: a.workspace.id, url: { startsWith: "javascript" } },
      }),
    ).toBe(0);
  });

  it("an ADMIN rejects (with a comment only), accepts, deletes and purges", async () => {
    setSessionForTests(members.ADMIN!);
    const slug = a.workspace.slug;
    const noComment = await reviewEvidenceAction(slug, { evidenceId: itemOfA, status: "REJECTED" });
    expect(noComment?.validationErrors?.fieldErrors?.comment?.[0]).toMatch(
      /required when rejecting/,
    );
    expect(
      (
        await reviewEvidenceAction(slug, {
          evidenceId: itemOfA,
          status: "REJECTED",
          comment: "Out of date",
        })
      )?.data,
    ).toMatchObject({ status: "REJECTED" });
    expect(
      (await reviewEvidenceAction(slug, { evidenceId: itemOfA, status: "ACCEPTED" }))?.data,
    ).toMatchObject({ status: "ACCEPTED" });
    expect((await purgeEvidenceAction(slug, { evidenceId: itemOfA }))?.serverError).toMatchObject({
      code: "CONFLICT",
    });
    expect(
      (await deleteEvidenceAction(slug, { evidenceId: itemOfA }))?.data?.deletedAt,
    ).toBeInstanceOf(Date);
    expect(
      (await purgeEvidenceAction(slug, { evidenceId: itemOfA }))?.data?.purgedAt,
    ).toBeInstanceOf(Date);
    const row = await db.evidence.findFirstOrThrow({ where: { id: itemOfA } });
    expect(row).toMatchObject({ url: null });
    expect(row.purgedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { workspaceId: a.workspace.id, entityId: itemOfA },
      select: { action: true },
    });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["evidence.review", "evidence.delete", "evidence.purge"]),
    );
  });
});
