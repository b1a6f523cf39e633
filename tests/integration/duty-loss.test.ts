import { beforeAll, describe, expect, it } from "vitest";

import { POST as approveRoute } from "@/app/api/v1/approvals/[approvalId]/approve/route";
import { POST as createApprovalRoute } from "@/app/api/v1/approvals/route";
import { POST as overrideRoute } from "@/app/api/v1/responsibilities/[responsibilityId]/override/route";
import { POST as previewRoute } from "@/app/api/v1/systems/[systemId]/rederivation-preview/route";
import { PATCH as patchSystem } from "@/app/api/v1/systems/[systemId]/route";
import { db } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { systemFieldsSchema } from "@/lib/validation/systems";

import { apiRequest, routeParams } from "../support/evidence-fixtures";
import { dayFromNow } from "./approval-fixtures";
import {
  ensureFrameworks,
  registerTestSystem,
  versionIdOf,
  workspaceWithRoles,
} from "./systems-fixtures";

// Issue 14, point 5: re-derivation and overrides removed parts (owners, statuses, justifications,
// evidence links) silently, and one PATCH with another primaryModel did it through the API.
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;
let token: string;
let adminToken: string;
let srm: string;

beforeAll(async () => {
  await ensureFrameworks();
  srm = await versionIdOf("ai-security-srm");
  w = await workspaceWithRoles("duty-loss");
  token = (
    await createApiToken({
      workspaceId: w.workspace.id,
      actor: w.actor,
      actorRole: "OWNER",
      createdById: w.owner.id,
      name: "ci",
      role: "EDITOR",
      expiresAt: null,
    })
  ).secret;
  adminToken = (
    await createApiToken({
      workspaceId: w.workspace.id,
      actor: w.actor,
      actorRole: "ADMIN",
      createdById: w.admin.id,
      name: "admin",
      role: "ADMIN",
      expiresAt: null,
    })
  ).secret;
});

const dutiesOf = (systemId: string) =>
  db.duty.findMany({
    where: { systemId },
    orderBy: { id: "asc" },
    include: { evidenceLinks: { orderBy: { id: "asc" } } },
  });

/** A SaaS system whose provider parts carry work: an owner, a status, a justification, a link. */
async function systemWithWorkOnProviderDuties(name: string) {
  const system = await registerTestSystem(w.workspace, w.actor, { primaryModel: "saas_ai", name });
  const evidence = await db.evidence.create({
    data: { workspaceId: w.workspace.id, kind: "NOTE", title: `${name} SOC 2 note`, note: "x" },
  });
  const provider = (await dutiesOf(system.id)).filter((p) => p.side === "PROVIDER");
  for (const part of provider) {
    await db.duty.update({
      where: { id: part.id },
      data: {
        ownerId: w.editor.id,
        status: "IN_PROGRESS",
        justification: "Checked with the vendor",
        dueDate: new Date("2027-01-31T00:00:00Z"),
      },
    });
    await db.evidenceLink.create({
      data: { workspaceId: w.workspace.id, evidenceId: evidence.id, dutyId: part.id },
    });
  }
  return { system, evidence };
}

async function patchModels(systemId: string, additionalModels: string[], confirmLoss?: string) {
  const current = await db.aiSystem.findUniqueOrThrow({ where: { id: systemId } });
  return patchSystem(
    apiRequest(`/api/v1/systems/${systemId}`, token, {
      method: "PATCH",
      json: {
        ...systemFieldsSchema.parse({ ...current, additionalModels }),
        expectedVersion: current.version,
        ...(confirmLoss ? { confirmLoss } : {}),
      },
    }),
    routeParams({ systemId }),
  );
}

async function preview(systemId: string, additionalModels: string[]) {
  const response = await previewRoute(
    apiRequest(`/api/v1/systems/${systemId}/rederivation-preview`, token, {
      method: "POST",
      json: { frameworkVersionId: srm, primaryModel: "saas_ai", additionalModels },
    }),
    routeParams({ systemId }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as {
    loss: { hash: string; parts: { id: string }[] };
    restoredDuties: number;
  };
}

describe("re-derivation through PATCH /api/v1/systems/{id}", () => {
  it("refuses a change that removes duties without the confirmed loss (409) and changes nothing", async () => {
    const { system } = await systemWithWorkOnProviderDuties("Unconfirmed");
    const before = await dutiesOf(system.id);
    const response = await patchModels(system.id, ["agentic_ai"]);
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.error.details.loss.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.error.details.loss.parts.length).toBeGreaterThan(0);
    expect(await dutiesOf(system.id)).toEqual(before);
  });

  it("refuses a confirmation of an older loss when work was added after the preview", async () => {
    const { system } = await systemWithWorkOnProviderDuties("Stale preview");
    const previewed = await preview(system.id, ["agentic_ai"]);
    // Someone assigns a removed duty after the preview was shown.
    await db.duty.update({
      where: { id: previewed.loss.parts[0]!.id },
      data: { ownerId: w.admin.id, version: { increment: 1 } },
    });
    const response = await patchModels(system.id, ["agentic_ai"], previewed.loss.hash);
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/changed since you reviewed/);
    expect(await db.duty.count({ where: { id: previewed.loss.parts[0]!.id } })).toBe(1);
  });

  it("applies exactly the previewed loss, archives it, audits it, and switching back restores the work", async () => {
    const { system, evidence } = await systemWithWorkOnProviderDuties("Round trip");
    const original = (await dutiesOf(system.id)).filter((p) => p.side === "PROVIDER");
    const previewed = await preview(system.id, ["agentic_ai"]);
    const removedIds = previewed.loss.parts.map((p) => p.id);
    expect(removedIds.length).toBeGreaterThan(0);

    const applied = await patchModels(system.id, ["agentic_ai"], previewed.loss.hash);
    expect(applied.status).toBe(200);
    expect(await db.duty.count({ where: { id: { in: removedIds } } })).toBe(0);
    expect(await db.archivedDuty.count({ where: { id: { in: removedIds } } })).toBe(
      removedIds.length,
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, action: "system.update", entityId: system.id },
      orderBy: { seq: "desc" },
    });
    const removed = (
      event.diff as {
        removedDuties: {
          id: string;
          ownerId: string;
          justification: string;
          evidenceLinks: { evidenceId: string }[];
        }[];
      }
    ).removedDuties;
    expect(removed.map((p) => p.id).sort()).toEqual([...removedIds].sort());
    expect(removed[0]).toMatchObject({
      ownerId: w.editor.id,
      justification: "Checked with the vendor",
      evidenceLinks: [{ evidenceId: evidence.id }],
    });

    // Switching back: the preview says the work comes back, and it does.
    const back = await preview(system.id, []);
    expect(back.restoredDuties).toBe(removedIds.length);
    // The duties the switch created carry no work: no confirmation is needed to drop them.
    expect((await patchModels(system.id, [])).status).toBe(200);
    const restored = (await dutiesOf(system.id)).filter((p) => removedIds.includes(p.id));
    expect(restored).toHaveLength(removedIds.length);
    for (const part of restored) {
      const was = original.find((p) => p.id === part.id)!;
      expect(part).toMatchObject({
        ownerId: was.ownerId,
        status: was.status,
        justification: was.justification,
        dueDate: was.dueDate,
        // The coverage triggers saw the links come back: the summary is live again.
        linkedOpenEnded: true,
      });
      expect(part.evidenceLinks.map((l) => l.id)).toEqual(was.evidenceLinks.map((l) => l.id));
    }
    // Restored parts leave the archive (the duties dropped by switching back are archived now).
    expect(await db.archivedDuty.count({ where: { id: { in: removedIds } } })).toBe(0);
  });
});

describe("overrides through POST /api/v1/approvals and …/override", () => {
  it("needs the loss confirmed to drop a side, then restores it when the override is removed", async () => {
    const { system, evidence } = await systemWithWorkOnProviderDuties("Override");
    const shared = await db.responsibility.findFirstOrThrow({
      where: { systemId: system.id, value: "S" },
      include: { duties: { include: { evidenceLinks: true } } },
    });
    const provider = shared.duties.find((p) => p.side === "PROVIDER")!;
    const call = (json: Record<string, unknown>) =>
      overrideRoute(
        apiRequest(`/api/v1/responsibilities/${shared.id}/override`, token, {
          method: "POST",
          json,
        }),
        routeParams({ responsibilityId: shared.id }),
      );
    // Setting a value directly is refused: it is a request an approver decides.
    const direct = await call({ value: "C", justification: "We host it ourselves." });
    expect(direct.status).toBe(400);
    expect((await direct.json()).error.message).toMatch(/\/api\/v1\/approvals/);

    const requested = await createApprovalRoute(
      apiRequest("/api/v1/approvals", token, {
        method: "POST",
        json: {
          kind: "OVERRIDE",
          responsibilityId: shared.id,
          proposedValue: "C",
          justification: "We host it ourselves.",
          approverId: w.admin.id,
          endsAt: dayFromNow(60),
        },
      }),
    );
    expect(requested.status).toBe(201);
    const { id: approvalId } = await requested.json();
    const approve = (json: Record<string, unknown>) =>
      approveRoute(
        apiRequest(`/api/v1/approvals/${approvalId}/approve`, adminToken, { method: "POST", json }),
        routeParams({ approvalId }),
      );
    const refused = await approve({});
    expect(refused.status).toBe(409);
    const loss = (await refused.json()).error.details.loss;
    expect(loss.parts).toEqual([
      expect.objectContaining({ id: provider.id, side: "PROVIDER", evidenceLinks: 1 }),
    ]);
    expect(await db.duty.count({ where: { id: provider.id } })).toBe(1);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe(
      "PENDING",
    );

    const done = await approve({ confirmLoss: loss.hash });
    expect(done.status).toBe(200);
    expect(await db.duty.count({ where: { id: provider.id } })).toBe(0);

    // Clearing the override adds the provider side back, from the archive.
    expect((await call({ value: null })).status).toBe(200);
    const back = await db.duty.findUniqueOrThrow({
      where: { id: provider.id },
      include: { evidenceLinks: true },
    });
    expect(back).toMatchObject({
      ownerId: w.editor.id,
      status: "IN_PROGRESS",
      justification: "Checked with the vendor",
    });
    expect(back.evidenceLinks.map((l) => l.evidenceId)).toEqual([evidence.id]);
  });

  it("answers 404 for another workspace's responsibility, loss or not", async () => {
    const other = await workspaceWithRoles("duty-loss-other");
    const foreign = await registerTestSystem(other.workspace, other.actor, {
      primaryModel: "saas_ai",
    });
    const responsibility = await db.responsibility.findFirstOrThrow({
      where: { systemId: foreign.id },
    });
    const response = await overrideRoute(
      apiRequest(`/api/v1/responsibilities/${responsibility.id}/override`, token, {
        method: "POST",
        json: { value: null, confirmLoss: "0".repeat(64) },
      }),
      routeParams({ responsibilityId: responsibility.id }),
    );
    expect(response.status).toBe(404);
    const patched = await patchModels(foreign.id, ["agentic_ai"]).catch(() => null);
    expect(patched?.status ?? 404).toBe(404);
  });
});
