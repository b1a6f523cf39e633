// The registry services on a real database: derivation in the registering transaction,
// re-derivation keeping work on surviving domains, overrides, archive/restore, concurrency.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { overrideResponsibility } from "@/lib/server/responsibilities/override-responsibility";
import { setSystemArchived } from "@/lib/server/systems/archive-system";
import { getSystem } from "@/lib/server/systems/get-system";
import { previewRederivation } from "@/lib/server/systems/preview-rederivation";
import { registerSystem } from "@/lib/server/systems/register-system";
import { updateSystem } from "@/lib/server/systems/update-system";
import { systemFieldsSchema } from "@/lib/validation/systems";

import { requestAndApprove } from "./approval-fixtures";
import {
  ensureFrameworks,
  registerTestSystem,
  versionIdOf,
  workspaceWithRoles,
} from "./systems-fixtures";

type World = Awaited<ReturnType<typeof workspaceWithRoles>>;
let w: World;
let srm: string;

beforeAll(async () => {
  await ensureFrameworks();
  srm = await versionIdOf("ai-security-srm");
  w = await workspaceWithRoles("svc");
});

async function dutiesOf(systemId: string) {
  return db.duty.findMany({
    where: { systemId },
    orderBy: [{ domainKey: "asc" }, { side: "asc" }],
  });
}

describe("register", () => {
  it("derives 16 domains and their parts in the same transaction, with an audit event", async () => {
    const system = await registerTestSystem(w.workspace, w.actor, {
      primaryModel: "paas_ai",
      name: "Internal assistant",
    });
    const responsibilities = await db.responsibility.findMany({ where: { systemId: system.id } });
    expect(responsibilities).toHaveLength(16);
    const parts = await dutiesOf(system.id);
    const expected = responsibilities.reduce(
      (sum, r) => sum + (r.value === "S" ? 2 : r.value === "NA" ? 0 : 1),
      0,
    );
    expect(parts).toHaveLength(expected);
    expect(parts.every((p) => p.workspaceId === w.workspace.id)).toBe(true);
    const event = await db.auditEvent.findFirst({
      where: { workspaceId: w.workspace.id, action: "system.create", entityId: system.id },
    });
    expect(event).not.toBeNull();
  });

  it("writes nothing when a field is invalid (unknown model), naming the field", async () => {
    const before = await db.aiSystem.count();
    const error = await registerSystem({
      workspaceId: w.workspace.id,
      actor: w.actor,
      fields: systemFieldsSchema.parse({
        name: "Bad",
        frameworkVersionId: srm,
        primaryModel: "quantum_ai",
      }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.primaryModel).toBeDefined();
    expect(await db.aiSystem.count()).toBe(before);
    expect(await db.responsibility.count({ where: { system: { name: "Bad" } } })).toBe(0);
  });

  it("refuses a business owner who is not a member", async () => {
    const other = await workspaceWithRoles("svc-other");
    const error = await registerTestSystem(w.workspace, w.actor, {
      primaryModel: "saas_ai",
      businessOwnerId: other.owner.id,
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.businessOwnerId).toBeDefined();
  });
});

describe("re-derivation", () => {
  it("previews, then applies in one transaction keeping owners, statuses and evidence links on surviving parts", async () => {
    const system = await registerTestSystem(w.workspace, w.actor, {
      primaryModel: "saas_ai",
      name: "Chatbot",
    });
    const before = await dutiesOf(system.id);
    const kept = before.find((p) => p.side === "CUSTOMER")!;
    await db.duty.update({
      where: { id: kept.id },
      data: { ownerId: w.editor.id, status: "IN_PROGRESS" },
    });
    const evidence = await db.evidence.create({
      data: { workspaceId: w.workspace.id, kind: "NOTE", title: "Policy", note: "x" },
    });
    await db.evidenceLink.create({
      data: { workspaceId: w.workspace.id, evidenceId: evidence.id, dutyId: kept.id },
    });
    const beforePreview = await dutiesOf(system.id);

    const preview = await previewRederivation({
      workspaceId: w.workspace.id,
      systemId: system.id,
      frameworkVersionId: srm,
      primaryModel: "saas_ai",
      additionalModels: ["agentic_ai"],
    });
    expect(preview.isNoop).toBe(false);
    expect(preview.keptOwners).toBeGreaterThanOrEqual(1);
    expect(preview.keptEvidenceLinks).toBe(1);
    // Nothing written by the preview.
    expect(await dutiesOf(system.id)).toEqual(beforePreview);

    const current = await db.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    const result = await updateSystem({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: {
        ...systemFieldsSchema.parse({ ...current, additionalModels: ["agentic_ai"] }),
        systemId: system.id,
        expectedVersion: current.version,
        confirmLoss: preview.loss.hash,
      },
    });
    expect(result.rederived).toBe(true);
    const after = await db.duty.findUniqueOrThrow({
      where: { id: kept.id },
      include: { evidenceLinks: true },
    });
    expect(after.ownerId).toBe(w.editor.id);
    expect(after.status).toBe("IN_PROGRESS");
    expect(after.evidenceLinks).toHaveLength(1);
    const responsibilities = await db.responsibility.findMany({ where: { systemId: system.id } });
    // Agentic AI puts more duties on the customer: C > S > P > NA over both models.
    expect(responsibilities.filter((r) => r.value === "C").length).toBeGreaterThan(0);
    const event = await db.auditEvent.findFirst({
      where: { action: "system.update", entityId: system.id },
    });
    expect((event?.diff as { rederivation?: unknown }).rederivation).toBeDefined();
  });

  it("refuses a stale version with a conflict and changes nothing", async () => {
    const system = await registerTestSystem(w.workspace, w.actor, {
      primaryModel: "iaas_ai",
      name: "Stale",
    });
    const current = await db.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    const input = {
      ...systemFieldsSchema.parse(current),
      systemId: system.id,
      expectedVersion: current.version,
    };
    await updateSystem({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { ...input, name: "First" },
    });
    const error = await updateSystem({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { ...input, name: "Second" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((await db.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).name).toBe("First");
  });
});

describe("override", () => {
  it("keeps the derived value beside it, adapts parts and records the justification", async () => {
    const system = await registerTestSystem(w.workspace, w.actor, {
      primaryModel: "saas_ai",
      name: "Override me",
    });
    const na = await db.responsibility.findFirst({ where: { systemId: system.id, value: "P" } });
    expect(na).not.toBeNull();
    // Setting a value directly is refused: an override is a request an approver decides.
    const direct = await overrideResponsibility({
      workspaceId: w.workspace.id,
      actor: w.actor,
      input: { responsibilityId: na!.id, value: "S", justification: "We fine-tune it ourselves." },
    }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(ValidationError);
    expect((direct as ValidationError).fieldErrors.value?.[0]).toMatch(/approv/);
    expect((await db.responsibility.findUniqueOrThrow({ where: { id: na!.id } })).value).toBe("P");
    const approvalId = await requestAndApprove({
      workspaceId: w.workspace.id,
      requester: w.editor,
      approver: w.admin,
      input: {
        kind: "OVERRIDE",
        responsibilityId: na!.id,
        proposedValue: "S",
        justification: "We fine-tune it ourselves.",
      },
    });
    const after = await db.responsibility.findUniqueOrThrow({
      where: { id: na!.id },
      include: { duties: true },
    });
    expect(after).toMatchObject({
      derivedValue: "P",
      overrideValue: "S",
      value: "S",
      overrideJustification: "We fine-tune it ourselves.",
    });
    expect(after.duties.map((p) => p.side).sort()).toEqual(["CUSTOMER", "PROVIDER"]);
    const event = await db.auditEvent.findFirst({
      where: { action: "responsibility.override", entityId: na!.id },
    });
    expect(JSON.stringify(event?.diff)).toContain("We fine-tune it ourselves.");
    expect(JSON.stringify(event?.diff)).toContain(approvalId);
    expect(after.overriddenById).toBe(w.editor.id);
    const detail = await getSystem({ workspaceId: w.workspace.id, systemId: system.id });
    expect(detail.domains.find((d) => d.responsibilityId === na!.id)).toMatchObject({
      derivedValue: "P",
      value: "S",
    });
  });
});

describe("archive and restore", () => {
  it("archives and restores with audit events; foreign ids are 404", async () => {
    const system = await registerTestSystem(w.workspace, w.actor, {
      primaryModel: "on_premises",
      name: "Archive me",
    });
    await setSystemArchived({
      workspaceId: w.workspace.id,
      actor: w.actor,
      systemId: system.id,
      archived: true,
    });
    expect(
      (await db.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).archivedAt,
    ).not.toBeNull();
    await setSystemArchived({
      workspaceId: w.workspace.id,
      actor: w.actor,
      systemId: system.id,
      archived: false,
    });
    expect(
      (await db.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).archivedAt,
    ).toBeNull();
    const other = await workspaceWithRoles("svc-foreign");
    await expect(
      setSystemArchived({
        workspaceId: other.workspace.id,
        actor: other.actor,
        systemId: system.id,
        archived: true,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      (await db.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).archivedAt,
    ).toBeNull();
  });
});
