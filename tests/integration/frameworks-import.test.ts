import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { FrameworkDefinitionInvalidError } from "@/lib/server/frameworks/framework-import-source";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { previewFrameworkImport } from "@/lib/server/frameworks/preview-framework-import";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";

import {
  adminTarget,
  asYaml,
  catalogCounts,
  createWorkspace,
  smallDefinition,
} from "./frameworks-fixtures";

let workspace: { id: string; slug: string };

beforeAll(async () => {
  await seedBuiltInFrameworks();
  workspace = await createWorkspace("import");
});

const base = smallDefinition();

/** Each kind of invalid file, with the path and message the author must see. */
const invalidFiles: {
  name: string;
  content: string;
  format: "yaml" | "json";
  path: string;
  message: RegExp;
}[] = [
  {
    name: "a value outside the scale",
    content: asYaml({
      ...base,
      cells: base.cells.map((c, i) => (i === 1 ? { ...c, value: "X" } : c)),
    }),
    format: "yaml",
    path: "cells[1].value",
    message: /^"X" is not in the scale \(P, C, S, NA\)$/,
  },
  {
    name: "a cell naming an unknown column",
    content: JSON.stringify({
      ...base,
      cells: [...base.cells, { row: "access_control", column: "edge", value: "C" }],
    }),
    format: "json",
    path: "cells[4].column",
    message: /^unknown column "edge"$/,
  },
  {
    name: "duplicate keys",
    content: asYaml({ ...base, rows: [...base.rows, { ...base.rows[0]! }] }),
    format: "yaml",
    path: "rows[2].key",
    message: /^duplicate key "access_control"$/,
  },
  {
    name: "a missing cell",
    content: asYaml({ ...base, cells: base.cells.slice(0, 3) }),
    format: "yaml",
    path: "cells",
    message: /^missing cell for row "prompt_safety" × column "self_run"$/,
  },
  {
    name: "a missing required field",
    content: asYaml({ ...base, name: undefined }),
    format: "yaml",
    path: "name",
    message: /^is required$/,
  },
  {
    name: "an unknown field",
    content: asYaml({ ...base, colour: "blue" }),
    format: "yaml",
    path: "colour",
    message: /^unknown field$/,
  },
  {
    name: "broken YAML",
    content: "key: [unclosed\n",
    format: "yaml",
    path: "(document)",
    message: /^invalid YAML at line \d+/,
  },
  {
    name: "broken JSON",
    content: "{ not json",
    format: "json",
    path: "(document)",
    message: /^invalid JSON/,
  },
];

describe("importFramework: validation", () => {
  it.each(invalidFiles)("rejects $name with its path, and changes nothing", async (file) => {
    const before = await catalogCounts();
    const error = await importFramework({
      target: adminTarget(workspace.id),
      source: { content: file.content, format: file.format },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameworkDefinitionInvalidError);
    const invalid = error as FrameworkDefinitionInvalidError;
    expect(invalid.errors).toContainEqual({
      path: file.path,
      message: expect.stringMatching(file.message),
    });
    expect(invalid.fieldErrors[file.path]).toBeDefined();
    expect(await catalogCounts()).toEqual(before);

    const preview = await previewFrameworkImport({
      workspaceId: workspace.id,
      source: { content: file.content, format: file.format },
    });
    expect(preview.ok).toBe(false);
  });

  it("refuses a custom framework that reuses a built-in key", async () => {
    const before = await catalogCounts();
    const content = asYaml({ ...base, key: "ai-security-srm" });
    const preview = await previewFrameworkImport({
      workspaceId: workspace.id,
      source: { content, format: "yaml" },
    });
    expect(preview).toMatchObject({ ok: true, outcome: "reserved-key" });
    await expect(
      importFramework({ target: adminTarget(workspace.id), source: { content, format: "yaml" } }),
    ).rejects.toThrow(ConflictError);
    expect(await catalogCounts()).toEqual(before);
  });
});

describe("importFramework: storing", () => {
  it("stores a new framework, records one audit event, and treats the same file again as a no-op", async () => {
    const content = asYaml(base);
    expect(
      await previewFrameworkImport({
        workspaceId: workspace.id,
        source: { content, format: "yaml" },
      }),
    ).toMatchObject({
      ok: true,
      outcome: "new-framework",
      summary: { columns: 2, rows: 2, cells: 4, criticalCells: 1 },
    });

    const created = await importFramework({
      target: adminTarget(workspace.id),
      source: { content, format: "yaml" },
    });
    expect(created).toMatchObject({
      status: "created",
      frameworkCreated: true,
      key: "acme-ai-controls",
      builtIn: false,
    });
    const framework = await db.framework.findFirstOrThrow({ where: { id: created.frameworkId } });
    expect(framework).toMatchObject({ workspaceId: workspace.id, scopeKey: workspace.id });
    const events = await db.auditEvent.findMany({ where: { workspaceId: workspace.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "framework.import",
      entityType: "FrameworkVersion",
      entityId: created.versionId,
    });

    const before = await catalogCounts();
    const again = await importFramework({
      target: adminTarget(workspace.id),
      source: { definition: base },
    });
    expect(again).toMatchObject({ status: "unchanged", versionId: created.versionId });
    expect(await catalogCounts()).toEqual(before);
  });

  it("adds a new version, and refuses other content under a published version", async () => {
    const v2 = {
      ...base,
      version: "1.1.0",
      cells: base.cells.map((c, i) => (i === 0 ? { ...c, value: "C" } : c)),
    };
    expect(
      await previewFrameworkImport({ workspaceId: workspace.id, source: { definition: v2 } }),
    ).toMatchObject({ ok: true, outcome: "new-version" });
    const created = await importFramework({
      target: adminTarget(workspace.id),
      source: { definition: v2 },
    });
    expect(created).toMatchObject({ status: "created", frameworkCreated: false });

    const published = await db.frameworkVersion.findFirstOrThrow({
      where: { id: created.versionId },
    });
    const before = await catalogCounts();
    const changed = { ...v2, description: "Edited after publishing." };
    expect(
      await previewFrameworkImport({ workspaceId: workspace.id, source: { definition: changed } }),
    ).toMatchObject({ ok: true, outcome: "conflict" });
    await expect(
      importFramework({ target: adminTarget(workspace.id), source: { definition: changed } }),
    ).rejects.toThrow(/acme-ai-controls@1\.1\.0 already exists with different content/);
    expect(await catalogCounts()).toEqual(before);
    expect(
      await db.frameworkVersion.findFirstOrThrow({ where: { id: created.versionId } }),
    ).toEqual(published);
  });
});

describe("importFramework: roles", () => {
  it.each(["EDITOR", "VIEWER", "AUDITOR", "UNKNOWN"])(
    "refuses %s and changes nothing",
    async (role) => {
      const before = await catalogCounts();
      const definition = { ...base, key: `by-${role.toLowerCase()}` };
      await expect(
        importFramework({ target: adminTarget(workspace.id, role), source: { definition } }),
      ).rejects.toThrow(ForbiddenError);
      expect(await catalogCounts()).toEqual(before);
    },
  );

  it.each(["OWNER", "ADMIN"])("allows %s", async (role) => {
    const definition = { ...base, key: `by-${role.toLowerCase()}` };
    const result = await importFramework({
      target: adminTarget(workspace.id, role),
      source: { definition },
    });
    expect(result.status).toBe("created");
  });
});
