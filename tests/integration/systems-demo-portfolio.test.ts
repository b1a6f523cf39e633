// The demo workspace's portfolio: a dozen systems over all eight deployment models, vendors,
// owners on part of the duties, one accepted risk; written once, never twice.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";
import { seedDemoPortfolio } from "@/lib/server/seed/demo-portfolio";
import { DEMO_WORKSPACE_SLUG, seedDemoWorkspace } from "@/lib/server/seed/demo-workspace";

beforeAll(async () => {
  await seedBuiltInFrameworks();
  await seedDemoWorkspace();
});

describe("demo portfolio", () => {
  it("seeds a living workspace, idempotently", async () => {
    await seedDemoPortfolio();
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { slug: DEMO_WORKSPACE_SLUG },
    });
    const systems = await db.aiSystem.findMany({ where: { workspaceId: workspace.id } });
    expect(systems.length).toBeGreaterThanOrEqual(10);
    expect(new Set(systems.flatMap((s) => s.deploymentModels))).toEqual(
      new Set([
        "saas_ai",
        "paas_ai",
        "iaas_ai",
        "on_premises",
        "embedded_ai",
        "agentic_ai",
        "ai_coding",
        "mcp_systems",
      ]),
    );
    expect(await db.vendor.count({ where: { workspaceId: workspace.id } })).toBeGreaterThan(3);
    const customer = await db.duty.count({
      where: { workspaceId: workspace.id, side: "CUSTOMER" },
    });
    const owned = await db.duty.count({
      where: { workspaceId: workspace.id, side: "CUSTOMER", ownerId: { not: null } },
    });
    expect(owned).toBeGreaterThan(0);
    expect(owned).toBeLessThan(customer);
    const accepted = await db.duty.findFirstOrThrow({
      where: { workspaceId: workspace.id, status: "RISK_ACCEPTED" },
    });
    const approver = await db.membership.findFirstOrThrow({
      where: { workspaceId: workspace.id, userId: accepted.riskApproverId! },
    });
    expect(["OWNER", "ADMIN"]).toContain(approver.role);
    // The approval behind it is on record, as if it had been asked for and approved in the app.
    expect(
      await db.approvalRequest.findFirstOrThrow({
        where: { workspaceId: workspace.id, dutyId: accepted.id },
      }),
    ).toMatchObject({
      status: "APPROVED",
      kind: "RISK_ACCEPTANCE",
      decidedById: accepted.riskApproverId,
      endsAt: accepted.riskAcceptanceExpiresAt,
    });

    const before = await db.aiSystem.count();
    expect(await seedDemoPortfolio()).toEqual(["demo portfolio: already present"]);
    expect(await db.aiSystem.count()).toBe(before);
  });
});
