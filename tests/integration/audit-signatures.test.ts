import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  auditKeyFromSecrets,
  GENESIS_HASH,
  hashAuditEvent,
} from "@/lib/server/audit/canonical-event";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { buildBundle } from "@/lib/server/exports/build-bundle";

import { signedUpOwner } from "../support/identity-fixtures";

// Issue 14, point 7: the chain was unkeyed, so anyone with write access to the database could
// rewrite it consistently. Each event now carries a signature only the audit key can make.
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
        diff: { i },
      }),
    );
  }
}

/** What an attacker with database write access but no key can do: rewrite and re-hash. */
async function rewriteConsistently(changeSeq: number, newDiff: Record<string, unknown>) {
  const events = await db.auditEvent.findMany({ where: { workspaceId }, orderBy: { seq: "asc" } });
  let prevHash = GENESIS_HASH;
  for (const event of events) {
    const diff = event.seq === changeSeq ? newDiff : event.diff;
    const hash = hashAuditEvent({
      workspaceId: event.workspaceId,
      seq: event.seq,
      actorType: event.actorType,
      actorId: event.actorId,
      actorLabel: event.actorLabel,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      diff,
      createdAt: event.createdAt,
      prevHash,
    });
    await db.auditEvent.update({
      where: { id: event.id },
      data: { diff: diff as Prisma.InputJsonValue, prevHash, hash },
    });
    prevHash = hash;
  }
  await db.workspace.update({ where: { id: workspaceId }, data: { auditHeadHash: prevHash } });
}

beforeEach(async () => {
  ({
    workspace: { id: workspaceId },
  } = await signedUpOwner("signatures"));
});

describe("keyed audit chain", () => {
  it("signs every new event and verifies with the server's key", async () => {
    await record(3);
    const events = await db.auditEvent.findMany({ where: { workspaceId } });
    expect(events.every((event) => /^v1:[0-9a-f]{12}:[0-9a-f]{64}$/.test(event.mac ?? ""))).toBe(
      true,
    );
    expect(await verifyAuditChain(workspaceId)).toMatchObject({
      ok: true,
      events: 5,
      signatures: { unsigned: 0, firstSigned: 1, checked: true },
    });
  });

  it("detects a chain rewritten and re-hashed without the key (the unkeyed chain verified it)", async () => {
    await record(4);
    await rewriteConsistently(3, { i: "forged" });
    expect(await verifyAuditChain(workspaceId)).toMatchObject({
      ok: false,
      brokenSeq: 3,
      reason: expect.stringMatching(/without the audit key/),
    });
  });

  it("detects signatures stripped from the newest events", async () => {
    await record(4);
    await db.auditEvent.updateMany({
      where: { workspaceId, seq: { gte: 5 } },
      data: { mac: null },
    });
    expect(await verifyAuditChain(workspaceId)).toMatchObject({
      ok: false,
      brokenSeq: 5,
      reason: expect.stringMatching(/not signed/),
    });
  });

  it("still verifies events recorded before keyed audit; the first signed one vouches for them", async () => {
    await record(4);
    // Events 1–3 as an older version stored them: no signature.
    await db.auditEvent.updateMany({
      where: { workspaceId, seq: { lte: 3 } },
      data: { mac: null },
    });
    expect(await verifyAuditChain(workspaceId)).toMatchObject({
      ok: true,
      events: 6,
      signatures: { unsigned: 3, firstSigned: 4 },
    });
    // And changing one of those old events breaks the chain at the signed event after it.
    await rewriteConsistently(2, { i: "forged" });
    expect(await verifyAuditChain(workspaceId)).toMatchObject({ ok: false, brokenSeq: 4 });
  });

  it("derives the key from AUTH_SECRET when AUDIT_SECRET is unset, and uses AUDIT_SECRET when set", () => {
    const derived = auditKeyFromSecrets({ AUTH_SECRET: "a".repeat(32) });
    expect(derived).toHaveLength(32);
    expect(Buffer.from(derived).toString("hex")).not.toContain(
      Buffer.from("a".repeat(32)).toString("hex"),
    );
    expect(
      Buffer.from(
        auditKeyFromSecrets({ AUDIT_SECRET: "b".repeat(32), AUTH_SECRET: "a".repeat(32) }),
      ).toString(),
    ).toBe("b".repeat(32));
  });

  it("export:verify checks the signatures only with the key, and refuses a wrong key", async () => {
    await record(2);
    const dir = await mkdtemp(path.join(os.tmpdir(), "srm-key-"));
    const zip = path.join(dir, "bundle.zip");
    await buildBundle({
      workspaceId,
      scope: { includeFiles: false },
      generatedBy: "audit signature test",
      destination: { filePath: zip },
    });
    try {
      const run = promisify(execFile);
      const cli = (args: string[]) =>
        run("node_modules/.bin/tsx", ["scripts/export-verify.ts", zip, ...args]).then(
          (out) => ({ code: 0, text: out.stdout + out.stderr }),
          (error: { code: number; stdout: string; stderr: string }) => ({
            code: error.code,
            text: error.stdout + error.stderr,
          }),
        );
      const offline = await cli([]);
      expect(offline.code).toBe(0);
      expect(offline.text).toMatch(/carry server signatures \(key id [0-9a-f]{12}\), not checked/);

      const keyFile = path.join(dir, "secrets.json");
      await writeFile(
        keyFile,
        JSON.stringify({ AUTH_SECRET: env().AUTH_SECRET, AUDIT_SECRET: env().AUDIT_SECRET }),
      );
      const withKey = await cli(["--audit-key-file", keyFile]);
      expect(withKey.code).toBe(0);
      expect(withKey.text).toMatch(/signature\(s\) checked with the audit key/);

      const wrongFile = path.join(dir, "wrong.txt");
      await writeFile(wrongFile, "w".repeat(40));
      const wrong = await cli(["--audit-key-file", wrongFile]);
      expect(wrong.code).toBe(1);
      expect(wrong.text).toMatch(/signed with another audit key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
