import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createVendor } from "@/lib/server/vendors/create-vendor";
import { deleteVendor } from "@/lib/server/vendors/delete-vendor";
import { getVendor } from "@/lib/server/vendors/get-vendor";
import { linkVendorSystems } from "@/lib/server/vendors/link-vendor-systems";
import { listVendors } from "@/lib/server/vendors/list-vendors";
import { saveAssessmentAnswer } from "@/lib/server/vendors/save-assessment-answer";
import { unlinkVendorSystem } from "@/lib/server/vendors/unlink-vendor-system";
import { updateVendor } from "@/lib/server/vendors/update-vendor";
import { ASSESSMENT_TOPICS, vendorFieldsSchema } from "@/lib/validation/vendors";

import {
  ensureFrameworks,
  registerTestSystem,
  registrySnapshot,
  workspaceWithRoles,
} from "./systems-fixtures";

type World = Awaited<ReturnType<typeof workspaceWithRoles>>;
let w: World;
let other: World;
const fields = (name: string) =>
  vendorFieldsSchema.parse({ name, kind: "Model provider", website: "https://example.com" });

beforeAll(async () => {
  await ensureFrameworks();
  w = await workspaceWithRoles("ven");
  other = await workspaceWithRoles("ven-other");
});

describe("vendors", () => {
  it("creates, edits, refuses duplicate names, lists and deletes with audit events", async () => {
    const vendor = await createVendor({
      workspaceId: w.workspace.id,
      actor: w.actor,
      fields: fields("Acme"),
    });
    const dup = await createVendor({
      workspaceId: w.workspace.id,
      actor: w.actor,
      fields: fields("Acme"),
    }).catch((e: unknown) => e);
    expect((dup as ValidationError).fieldErrors).toHaveProperty("name");
    // The same name in another workspace is fine.
    await createVendor({
      workspaceId: other.workspace.id,
      actor: other.actor,
      fields: fields("Acme"),
    });
    await updateVendor({
      workspaceId: w.workspace.id,
      actor: w.actor,
      vendorId: vendor.id,
      fields: fields("Acme AI"),
    });
    expect((await listVendors({ workspaceId: w.workspace.id })).map((v) => v.name)).toEqual([
      "Acme AI",
    ]);
    const system = await registerTestSystem(w.workspace, w.actor, {
      primaryModel: "saas_ai",
      vendorId: vendor.id,
    });
    await deleteVendor({ workspaceId: w.workspace.id, actor: w.actor, vendorId: vendor.id });
    expect((await db.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).vendorId).toBeNull();
    const actions = (
      await db.auditEvent.findMany({ where: { workspaceId: w.workspace.id, entityType: "Vendor" } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["vendor.create", "vendor.update", "vendor.delete"]),
    );
  });

  it("links and unlinks systems, only of its own workspace", async () => {
    const vendor = await createVendor({
      workspaceId: w.workspace.id,
      actor: w.actor,
      fields: fields("Linker"),
    });
    const mine = await registerTestSystem(w.workspace, w.actor, { primaryModel: "paas_ai" });
    const foreign = await registerTestSystem(other.workspace, other.actor, {
      primaryModel: "paas_ai",
    });
    const before = await registrySnapshot(other.workspace.id);
    await expect(
      linkVendorSystems({
        workspaceId: w.workspace.id,
        actor: w.actor,
        vendorId: vendor.id,
        systemIds: [mine.id, foreign.id],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.aiSystem.findUniqueOrThrow({ where: { id: mine.id } })).vendorId).toBeNull();
    expect(await registrySnapshot(other.workspace.id)).toEqual(before);
    await linkVendorSystems({
      workspaceId: w.workspace.id,
      actor: w.actor,
      vendorId: vendor.id,
      systemIds: [mine.id],
    });
    expect(
      (await getVendor({ workspaceId: w.workspace.id, vendorId: vendor.id })).vendor.systems.map(
        (s) => s.id,
      ),
    ).toEqual([mine.id]);
    await unlinkVendorSystem({
      workspaceId: w.workspace.id,
      actor: w.actor,
      vendorId: vendor.id,
      systemId: mine.id,
    });
    expect((await db.aiSystem.findUniqueOrThrow({ where: { id: mine.id } })).vendorId).toBeNull();
  });

  it("assesses the nine topics with answer, status and reviewer", async () => {
    const vendor = await createVendor({
      workspaceId: w.workspace.id,
      actor: w.actor,
      fields: fields("Assessed"),
    });
    expect(ASSESSMENT_TOPICS).toHaveLength(9);
    await saveAssessmentAnswer({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: {
        vendorId: vendor.id,
        topicKey: "guardrails",
        answer: "Filters on both sides.",
        status: "SATISFACTORY",
        reviewerId: w.admin.id,
      },
    });
    await saveAssessmentAnswer({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: {
        vendorId: vendor.id,
        topicKey: "guardrails",
        answer: "Filters on both sides.",
        status: "CONCERN",
        reviewerId: w.admin.id,
      },
    });
    const detail = await getVendor({ workspaceId: w.workspace.id, vendorId: vendor.id });
    expect(detail.assessment).toHaveLength(9);
    expect(detail.assessment.find((t) => t.topicKey === "guardrails")).toMatchObject({
      status: "CONCERN",
      reviewerId: w.admin.id,
      answer: "Filters on both sides.",
    });
    const badReviewer = await saveAssessmentAnswer({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: {
        vendorId: vendor.id,
        topicKey: "versioning",
        answer: null,
        status: "IN_REVIEW",
        reviewerId: other.owner.id,
      },
    }).catch((e: unknown) => e);
    expect((badReviewer as ValidationError).fieldErrors).toHaveProperty("reviewerId");
    await expect(
      getVendor({ workspaceId: other.workspace.id, vendorId: vendor.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveAssessmentAnswer({
        workspaceId: other.workspace.id,
        actor: other.actor,
        input: {
          vendorId: vendor.id,
          topicKey: "versioning",
          answer: "x",
          status: "IN_REVIEW",
          reviewerId: null,
        },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateVendor({
        workspaceId: other.workspace.id,
        actor: other.actor,
        vendorId: vendor.id,
        fields: fields("Hijack"),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      deleteVendor({ workspaceId: other.workspace.id, actor: other.actor, vendorId: vendor.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
