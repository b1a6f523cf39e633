// CSV import (all or nothing, problems by row and column) and exports (formula-injection safe).
import { beforeAll, describe, expect, it } from "vitest";

import { parseCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db/client";
import { exportResponsibilitiesCsv } from "@/lib/server/responsibilities/export-responsibilities";
import { exportSystemsCsv } from "@/lib/server/systems/export-systems";
import { importSystems } from "@/lib/server/systems/import-systems";
import { createVendor } from "@/lib/server/vendors/create-vendor";
import { responsibilityListQuerySchema } from "@/lib/validation/responsibilities";
import { systemListQuerySchema } from "@/lib/validation/systems";

import { ensureFrameworks, registrySnapshot, workspaceWithRoles } from "./systems-fixtures";

type World = Awaited<ReturnType<typeof workspaceWithRoles>>;
let w: World;

const HEADER =
  "name,framework,primary_model,additional_models,variant,vendor,business_owner_email,risk_tier,lifecycle,tags";

beforeAll(async () => {
  await ensureFrameworks();
  w = await workspaceWithRoles("csv");
  await createVendor({
    workspaceId: w.workspace.id,
    actor: w.actor,
    fields: {
      name: "Acme Models",
      kind: null,
      website: null,
      contactName: null,
      contactEmail: null,
      notes: null,
    },
  });
});

describe("import", () => {
  it("reports every problem with row and column, and writes nothing", async () => {
    const before = await registrySnapshot(w.workspace.id);
    const csv = [
      HEADER,
      "Good one,,saas_ai,,public_saas,Acme Models,,HIGH,PRODUCTION,a;b",
      ",,paas_ai,,,,,,,",
      "Bad model,,quantum_ai,,,,,,,",
      "Bad vendor,,paas_ai,,,Nobody Inc,,,,",
      "Bad owner,,paas_ai,,,,stranger@example.test,,,",
      "Bad enums,ai-security-srm@9.9.9,paas_ai,,,,,EXTREME,DEAD,",
      "Bad variant,,paas_ai,,public_saas,,,,,",
    ].join("\n");
    const result = await importSystems({ workspaceId: w.workspace.id, actor: w.actor, csv });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    const at = (row: number, column: string) =>
      result.problems.some((p) => p.row === row && p.column === column);
    expect(at(3, "name")).toBe(true);
    expect(at(4, "primary_model")).toBe(true);
    expect(at(5, "vendor")).toBe(true);
    expect(at(6, "business_owner_email")).toBe(true);
    expect(at(7, "framework")).toBe(true);
    expect(at(7, "risk_tier")).toBe(true);
    expect(at(7, "lifecycle")).toBe(true);
    expect(at(8, "variant")).toBe(true);
    expect(result.problems.some((p) => p.row === 2)).toBe(false);
    expect(await registrySnapshot(w.workspace.id)).toEqual(before);
  });

  it("reports header problems on row 1", async () => {
    const result = await importSystems({
      workspaceId: w.workspace.id,
      actor: w.actor,
      csv: "title,model\nx,y\n",
    });
    expect(result).toMatchObject({ status: "invalid" });
    if (result.status === "invalid") {
      expect(result.problems.every((p) => p.row === 1)).toBe(true);
      expect(result.problems.map((p) => p.column)).toEqual(
        expect.arrayContaining(["title", "name", "primary_model"]),
      );
    }
  });

  it("imports 500 valid rows with their duties in one transaction and one audit event", async () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) =>
        `Imported ${String(i).padStart(3, "0")},ai-security-srm@1.1.0,${i % 2 ? "paas_ai" : "agentic_ai"},${i % 3 ? "" : "mcp_systems"},,${i % 5 ? "" : "acme models"},${i === 0 ? w.editor.email : ""},${i % 4 ? "LOW" : "high"},pilot,bulk`,
    );
    const result = await importSystems({
      workspaceId: w.workspace.id,
      actor: w.actor,
      csv: [HEADER, ...rows].join("\r\n"),
    });
    expect(result).toEqual({ status: "imported", count: 500 });
    expect(await db.aiSystem.count({ where: { workspaceId: w.workspace.id } })).toBe(500);
    expect(await db.responsibility.count({ where: { workspaceId: w.workspace.id } })).toBe(
      500 * 16,
    );
    const first = await db.aiSystem.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, name: "Imported 000" },
    });
    expect(first).toMatchObject({
      businessOwnerId: w.editor.id,
      riskTier: "HIGH",
      lifecycle: "PILOT",
      deploymentModels: ["agentic_ai", "mcp_systems"],
    });
    expect(
      await db.auditEvent.count({
        where: { workspaceId: w.workspace.id, action: "system.import" },
      }),
    ).toBe(1);
  });
});

describe("export", () => {
  it("systems export neutralises formulas and imports back", async () => {
    const csv = [HEADER, '=HYPERLINK("http://evil"),,saas_ai,,,,,,,'].join("\n");
    const other = await workspaceWithRoles("csv-export");
    expect(
      await importSystems({ workspaceId: other.workspace.id, actor: other.actor, csv }),
    ).toMatchObject({ status: "imported" });
    const exported = await exportSystemsCsv({
      workspaceId: other.workspace.id,
      query: systemListQuerySchema.parse({}),
    });
    expect(exported).toContain("'=HYPERLINK");
    expect(exported).not.toMatch(/(^|,|\n)=HYPERLINK/);
    expect(parseCsv(exported).rows[0]?.cells[1]).toBe('=HYPERLINK("http://evil")');
    const responsibilities = await exportResponsibilitiesCsv({
      workspaceId: other.workspace.id,
      query: responsibilityListQuerySchema.parse({}),
    });
    expect(responsibilities).toContain("'=HYPERLINK");
    expect(parseCsv(responsibilities).rows.length).toBeGreaterThan(0);
    // Scoped: the other workspace's export has none of w's systems.
    expect(exported).not.toContain("Imported 000");
  });
});
