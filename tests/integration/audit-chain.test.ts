import { beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

import { signedUpOwner } from "../support/identity-fixtures";

let workspaceId: string;

async function record(n: number) {
  for (let i = 0; i < n; i++) {
    await workspaceTransaction(workspaceId, "test event", (tx) =>
      recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: "test.event",
        entityType: "Test",
        entityId: `e${i}`,
        diff: { i, nested: { b: 1, a: [1, "x"] } },
      }),
    );
  }
}

beforeEach(async () => {
  ({
    workspace: { id: workspaceId },
  } = await signedUpOwner("audit"));
});

describe("audit chain", () => {
  it("links events with gap-free seq and verifies", async () => {
    await record(5);
    const events = await db.auditEvent.findMany({
      where: { workspaceId },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < events.length; i++) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
    expect(await verifyAuditChain(workspaceId)).toMatchObject({ ok: true, events: 7 });
  });

  it("serialises concurrent writers of one workspace", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        workspaceTransaction(workspaceId, "test event", (tx) =>
          recordAuditEvent(tx, {
            workspaceId,
            actor: SYSTEM_ACTOR,
            action: "test.parallel",
            entityType: "Test",
            entityId: String(i),
          }),
        ),
      ),
    );
    const seqs = (
      await db.auditEvent.findMany({
        where: { workspaceId },
        select: { seq: true },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect((await verifyAuditChain(workspaceId)).ok).toBe(true);
  });

  it("is written in the same transaction as the change: a rolled-back change leaves no event", async () => {
    await workspaceTransaction(workspaceId, "test event", async (tx) => {
      await recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: "test.rollback",
        entityType: "Test",
      });
      throw new Error("change failed");
    }).catch(() => undefined);
    expect(await db.auditEvent.count({ where: { workspaceId, action: "test.rollback" } })).toBe(0);
    expect((await verifyAuditChain(workspaceId)).ok).toBe(true);
  });

  it("refuses a transaction that did not lock the workspace first (the lock order)", async () => {
    const late = db.$transaction((tx) =>
      recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: "test.unlocked",
        entityType: "Test",
      }),
    );
    await expect(late).rejects.toThrow(/lock workspace .* first/);
    expect(await db.auditEvent.count({ where: { workspaceId, action: "test.unlocked" } })).toBe(0);
  });

  it("never stores secrets in a diff", async () => {
    await workspaceTransaction(workspaceId, "test event", (tx) =>
      recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: "test.secret",
        entityType: "Test",
        diff: {
          name: "ok",
          passwordHash: "$argon2id$x",
          tokenHash: "abc",
          secret: "srm_x",
          nested: { password: "p" },
        },
      }),
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId, action: "test.secret" },
    });
    expect(event.diff).toEqual({ name: "ok", nested: {} });
  });

  it("detects an edited event and names its seq", async () => {
    await record(4);
    await db.$executeRaw`UPDATE "AuditEvent" SET diff = '{"i": 99}'::jsonb WHERE "workspaceId" = ${workspaceId} AND seq = 4`;
    expect(await verifyAuditChain(workspaceId)).toMatchObject({
      ok: false,
      brokenSeq: 4,
      reason: expect.stringMatching(/hash/),
    });
  });

  it("detects an edited actor or time", async () => {
    await record(3);
    await db.auditEvent.updateMany({
      where: { workspaceId, seq: 3 },
      data: { actorLabel: "someone else" },
    });
    expect(await verifyAuditChain(workspaceId)).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it("detects a removed event in the middle and names the missing seq", async () => {
    await record(4);
    await db.auditEvent.deleteMany({ where: { workspaceId, seq: 3 } });
    expect(await verifyAuditChain(workspaceId)).toMatchObject({
      ok: false,
      brokenSeq: 3,
      reason: expect.stringMatching(/missing/),
    });
  });

  it("detects removal of the newest event through the recorded head", async () => {
    await record(4);
    await db.auditEvent.deleteMany({ where: { workspaceId, seq: 6 } });
    expect(await verifyAuditChain(workspaceId)).toMatchObject({ ok: false, brokenSeq: 6 });
  });

  it("detects a rewritten chain whose hashes were recomputed but whose head was not", async () => {
    await record(2);
    const last = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId },
      orderBy: { seq: "desc" },
    });
    await db.auditEvent.updateMany({ where: { id: last.id }, data: { hash: "f".repeat(64) } });
    expect((await verifyAuditChain(workspaceId)).ok).toBe(false);
  });
});
