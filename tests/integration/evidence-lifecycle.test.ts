import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { evidenceState } from "@/lib/domain/evidence-state";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { linkEvidenceToDuty } from "@/lib/server/evidence/link-evidence-to-duty";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { reviewEvidence } from "@/lib/server/evidence/review-evidence";
import { unlinkEvidenceFromDuty } from "@/lib/server/evidence/unlink-evidence-from-duty";
import { uploadFileEvidence } from "@/lib/server/evidence/upload-file-evidence";
import { type ListEvidenceQuery, listEvidenceQuerySchema } from "@/lib/validation/evidence";

import {
  createEvidenceWorld,
  type EvidenceWorld,
  pdfBytes,
  streamOf,
} from "../support/evidence-fixtures";

const DAY = 24 * 60 * 60 * 1000;
let world: EvidenceWorld;

beforeAll(async () => {
  world = await createEvidenceWorld("life");
});

const link = (
  title: string,
  extra: { validUntil?: Date | null; dutyIds?: string[]; supersedesId?: string } = {},
) =>
  createEvidence({
    workspaceId: world.workspace.id,
    actor: world.actor,
    input: { kind: "LINK", title, url: "https://example.com/evidence", ...extra },
  });

const list = (query: Partial<Record<keyof ListEvidenceQuery, string>>, now?: Date) =>
  listEvidence({
    workspaceId: world.workspace.id,
    query: listEvidenceQuerySchema.parse(query),
    now,
  });

describe("state", () => {
  it("expiry moves an item from current to expiring soon to expired, as evidenceState defines", async () => {
    const item = await link("Pen test summary", { validUntil: new Date(Date.now() + 40 * DAY) });
    expect(item.state).toBe("current");
    const at = (days: number) => new Date(Date.now() + days * DAY);
    const stateAt = async (days: number) =>
      (await list({ q: "Pen test summary" }, at(days))).items[0]!.state;
    expect(await stateAt(0)).toBe("current");
    expect(await stateAt(15)).toBe("expiring_soon");
    expect(await stateAt(41)).toBe("expired");
  });

  it("a link without validity stays current; rejection and supersession end it", async () => {
    const item = await link("Access review");
    expect(item.state).toBe("current");
    const rejected = await reviewEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      evidenceId: item.id,
      review: { status: "REJECTED", comment: "Wrong quarter" },
    });
    expect(rejected.state).toBe("rejected");
    expect(rejected.isCurrent).toBe(false);
    expect(rejected.review).toMatchObject({
      status: "REJECTED",
      comment: "Wrong quarter",
      reviewerId: world.user.id,
    });

    const next = await link("Access review Q2", { supersedesId: item.id });
    expect(next.state).toBe("current");
    expect(
      (await getEvidence({ workspaceId: world.workspace.id, evidenceId: item.id })).state,
    ).toBe("superseded");
  });

  it("the SQL state filters agree with evidenceState for every item", async () => {
    const now = new Date();
    await link("Expired policy", { validUntil: new Date(now.getTime() - DAY) });
    await link("Soon policy", { validUntil: new Date(now.getTime() + 5 * DAY) });
    const refused = await link("Refused policy");
    await reviewEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      evidenceId: refused.id,
      review: { status: "REJECTED", comment: "Unsigned" },
    });
    const gone = await link("Deleted policy");
    await deleteEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      evidenceId: gone.id,
    });
    for (const state of [
      "current",
      "expiring_soon",
      "expired",
      "rejected",
      "superseded",
      "deleted",
    ] as const) {
      const page = await list({ state, pageSize: "100" }, now);
      expect(page.items.length, state).toBeGreaterThan(0);
      for (const item of page.items) {
        const computed = evidenceState(
          {
            reviewStatus: item.review.status,
            superseded: item.supersededAt !== null,
            validUntil: item.validUntil,
            deletedAt: item.deletedAt,
          },
          now,
        );
        expect(computed, `${item.title} listed as ${state}`).toBe(state);
      }
    }
    const all = await list({ pageSize: "100" }, now);
    expect(all.items.some((item) => item.state === "deleted")).toBe(false);
  });
});

describe("revisions", () => {
  it("a new revision supersedes the old one and MOVES its part links, in one transaction", async () => {
    const first = await uploadFileEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      fields: {
        kind: "FILE",
        title: "DPIA v1",
        dutyIds: [world.customerDuty.id, world.promptPart.id],
      },
      file: { source: streamOf(pdfBytes()), fileName: "dpia.pdf" },
    });
    expect(first.links.map((l) => l.dutyId).sort()).toEqual(
      [world.customerDuty.id, world.promptPart.id].sort(),
    );
    const second = await uploadFileEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      fields: { kind: "FILE", title: "DPIA v2", supersedesId: first.id },
      file: { source: streamOf(pdfBytes(5000)), fileName: "dpia-v2.pdf" },
    });
    expect(second.links.map((l) => l.dutyId).sort()).toEqual(
      [world.customerDuty.id, world.promptPart.id].sort(),
    );
    const old = await getEvidence({ workspaceId: world.workspace.id, evidenceId: first.id });
    expect(old.links).toEqual([]);
    expect(old.state).toBe("superseded");
    expect(old.supersededById).toBe(second.id);
    expect(second.revisions.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(old.revisions.map((r) => r.id)).toEqual([second.id, first.id]);

    // The old revision can be superseded only once, and cannot be linked any more.
    await expect(link("DPIA v2 again", { supersedesId: first.id })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      linkEvidenceToDuty({
        workspaceId: world.workspace.id,
        actor: world.actor,
        evidenceId: first.id,
        dutyId: world.providerDuty.id,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.auditEvent.findMany({
      where: { workspaceId: world.workspace.id, entityId: first.id, action: "evidence.supersede" },
    });
    expect(audit).toHaveLength(1);
  });
});

describe("links to parts", () => {
  it("links, relinks idempotently and unlinks within the workspace", async () => {
    const item = await link("Runbook");
    const args = {
      workspaceId: world.workspace.id,
      actor: world.actor,
      evidenceId: item.id,
      dutyId: world.customerDuty.id,
    };
    expect(await linkEvidenceToDuty(args)).toEqual({ created: true });
    expect(await linkEvidenceToDuty(args)).toEqual({ created: false });
    expect((await list({ systemId: world.system.id, q: "Runbook" })).total).toBe(1);
    expect((await list({ domainKey: "access_control", q: "Runbook" })).total).toBe(1);
    expect((await list({ domainKey: "prompt_safety", q: "Runbook" })).total).toBe(0);
    await unlinkEvidenceFromDuty(args);
    await expect(unlinkEvidenceFromDuty(args)).rejects.toBeInstanceOf(NotFoundError);
    expect((await list({ unlinked: "true", q: "Runbook" })).total).toBe(1);
  });

  it("a part of another workspace answers 404 and nothing is written", async () => {
    const other = await createEvidenceWorld("life-other");
    const item = await link("Key rotation log");
    const linksBefore = await db.evidenceLink.count();
    const auditBefore = await db.auditEvent.count({ where: { workspaceId: world.workspace.id } });
    await expect(
      linkEvidenceToDuty({
        workspaceId: world.workspace.id,
        actor: world.actor,
        evidenceId: item.id,
        dutyId: other.customerDuty.id,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      link("Foreign at creation", { dutyIds: [other.providerDuty.id] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.evidenceLink.count()).toBe(linksBefore);
    expect(await db.auditEvent.count({ where: { workspaceId: world.workspace.id } })).toBe(
      auditBefore,
    );
    expect((await list({ q: "Foreign at creation" })).total).toBe(0);
  });

  it("vendor attestations show up under every system of the vendor", async () => {
    const attestation = await createEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      input: {
        kind: "ATTESTATION",
        title: "SOC 2 Type II",
        url: "https://vendor.example/soc2",
        attestationType: "SOC2_REPORT",
        vendorId: world.vendor.id,
      },
    });
    expect(attestation.vendor).toEqual({ id: world.vendor.id, name: expect.any(String) });
    const forSystem = await list({ systemId: world.system.id, kind: "ATTESTATION" });
    expect(forSystem.items.map((i) => i.id)).toContain(attestation.id);
    expect((await list({ unlinked: "true", q: "SOC 2" })).total).toBe(0);
  });
});
