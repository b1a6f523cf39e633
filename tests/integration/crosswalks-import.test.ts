// Crosswalks in the database: the built-in seed, imports into a workspace (all or nothing, every
// problem listed), canonical export → import → export, diffs between stored versions, the
// catalogue-version rule, isolation between workspaces, and the command line.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import { serializeCrosswalk } from "@/lib/crosswalks/serialize";
import { parseCrosswalk } from "@/lib/crosswalks/validate";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { compareCrosswalkVersions } from "@/lib/server/crosswalks/compare-crosswalk-versions";
import { CrosswalkInvalidError } from "@/lib/server/crosswalks/crosswalk-import-source";
import { exportCrosswalkVersion } from "@/lib/server/crosswalks/get-crosswalk-version";
import { importCrosswalk } from "@/lib/server/crosswalks/import-crosswalk";
import { listCrosswalks } from "@/lib/server/crosswalks/list-crosswalks";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { seedBuiltInCrosswalks } from "@/lib/server/crosswalks/seed-builtin-crosswalks";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";

import { adminTarget, createWorkspace } from "./frameworks-fixtures";

const root = path.resolve(__dirname, "../..");
const run = promisify(execFile);
const SHIPPED = path.join(root, "frameworks/crosswalks/ai-srm-standards/1.0.0.yaml");

let shipped: CrosswalkDefinition;

beforeAll(async () => {
  await seedBuiltInFrameworks();
  const report = await seedBuiltInCrosswalks();
  expect(report).toEqual(["crosswalk ai-srm-standards@1.0.0: stored"]);
  const parsed = parseCrosswalk(await readFile(SHIPPED, "utf8"), "yaml");
  if (!parsed.ok) throw new Error("shipped crosswalk invalid");
  shipped = parsed.definition;
});

/** A workspace's own crosswalk: two of the built-in's edges under another key. */
function ownCrosswalk(overrides: Partial<CrosswalkDefinition> = {}): CrosswalkDefinition {
  return {
    format: "ai-srm-crosswalk/1",
    key: "acme-crosswalk",
    name: "Acme mapping",
    version: "1.0",
    publisher: "Acme",
    license: { name: "Internal" },
    description: "Our own reading of OWASP for two domains.",
    sources: [{ framework: "ai-security-srm", version: "1.1.0" }],
    catalogues: [shipped.catalogues[0]!],
    edges: [
      {
        framework: "ai-security-srm",
        row: "data_security",
        catalogue: "owasp-llm-top10",
        entry: "LLM02:2025",
        relationship: "superset-of",
        rationale: "Our data security work covers disclosure.",
      },
      {
        framework: "ai-security-srm",
        row: "code_generation_security",
        catalogue: "owasp-llm-top10",
        entry: "LLM07:2025",
        relationship: "intersects-with",
        rationale: "Prompts embedded in generated code.",
      },
    ],
    ...overrides,
  };
}

describe("seed and built-in export", () => {
  it("is idempotent, and exports exactly the shipped file", async () => {
    expect(await seedBuiltInCrosswalks()).toEqual(["crosswalk ai-srm-standards@1.0.0: unchanged"]);
    const exported = await exportCrosswalkVersion({
      workspaceId: null,
      key: "ai-srm-standards",
      version: "1.0.0",
      format: "yaml",
    });
    expect(exported.content).toBe(await readFile(SHIPPED, "utf8"));
  });
});

describe("import into a workspace", () => {
  it("export → import elsewhere → export is byte-identical, in JSON and YAML", async () => {
    const a = await createWorkspace("cw-a");
    const b = await createWorkspace("cw-b");
    const handWritten = ownCrosswalk({ edges: [...ownCrosswalk().edges].reverse() });
    const first = await importCrosswalk({
      target: adminTarget(a.id),
      source: { definition: handWritten },
    });
    expect(first).toMatchObject({ status: "created", edges: 2, builtIn: false });
    for (const format of ["json", "yaml"] as const) {
      const out1 = await exportCrosswalkVersion({
        workspaceId: a.id,
        key: "acme-crosswalk",
        version: "1.0",
        format,
      });
      const target = format === "json" ? b : await createWorkspace("cw-c");
      await importCrosswalk({
        target: adminTarget(target.id),
        source: { content: out1.content, format },
      });
      const out2 = await exportCrosswalkVersion({
        workspaceId: target.id,
        key: "acme-crosswalk",
        version: "1.0",
        format,
      });
      expect(out2.content).toBe(out1.content);
    }
    // Same content again: nothing written; an audit event only for the first import.
    const again = await importCrosswalk({
      target: adminTarget(a.id),
      source: { definition: handWritten },
    });
    expect(again.status).toBe("unchanged");
    const events = await db.auditEvent.findMany({
      where: { workspaceId: a.id, action: "crosswalk.import" },
    });
    expect(events).toHaveLength(1);
  });

  it("refuses unknown ids and relationships with every problem listed, and writes nothing", async () => {
    const ws = await createWorkspace("cw-bad");
    const bad = ownCrosswalk();
    bad.edges[0]!.entry = "LLM11:2025";
    bad.edges[1]!.relationship = "related-to";
    bad.edges.push({ ...bad.edges[1]!, row: "no_such_domain", relationship: "subset-of" });
    const error = await importCrosswalk({
      target: adminTarget(ws.id),
      source: { definition: bad },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrosswalkInvalidError);
    expect((error as CrosswalkInvalidError).errors.map((e) => e.path)).toEqual([
      "edges[0].entry",
      "edges[1].relationship",
      "edges[2].row",
    ]);
    expect(await db.crosswalk.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("refuses a built-in's key, a changed published version, another version of a catalogue and non-admins", async () => {
    const ws = await createWorkspace("cw-rules");
    await expect(
      importCrosswalk({
        target: adminTarget(ws.id),
        source: { definition: ownCrosswalk({ key: "ai-srm-standards" }) },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await importCrosswalk({ target: adminTarget(ws.id), source: { definition: ownCrosswalk() } });
    await expect(
      importCrosswalk({
        target: adminTarget(ws.id),
        source: { definition: ownCrosswalk({ name: "Changed" }) },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const otherVersion = ownCrosswalk({
      key: "acme-2023",
      catalogues: [{ ...shipped.catalogues[0]!, version: "2023" }],
    });
    const clash = await importCrosswalk({
      target: adminTarget(ws.id),
      source: { definition: otherVersion },
    }).catch((e: unknown) => e);
    expect((clash as CrosswalkInvalidError).errors).toEqual([
      {
        path: "catalogues[0].version",
        message:
          'catalogue owasp-llm-top10 is at version "2025" in crosswalk ai-srm-standards; use that version or another catalogue key',
      },
    ]);
    for (const role of ["EDITOR", "AUDITOR", "VIEWER"]) {
      await expect(
        importCrosswalk({
          target: adminTarget(ws.id, role),
          source: { definition: ownCrosswalk({ key: `x-${role.toLowerCase()}` }) },
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("keeps each workspace's crosswalks to itself", async () => {
    const owner = await createWorkspace("cw-own");
    const other = await createWorkspace("cw-other");
    await importCrosswalk({
      target: adminTarget(owner.id),
      source: { definition: ownCrosswalk() },
    });
    expect((await listCrosswalks({ workspaceId: owner.id })).map((c) => c.key)).toEqual([
      "ai-srm-standards",
      "acme-crosswalk",
    ]);
    expect((await listCrosswalks({ workspaceId: other.id })).map((c) => c.key)).toEqual([
      "ai-srm-standards",
    ]);
    await expect(
      exportCrosswalkVersion({
        workspaceId: other.id,
        key: "acme-crosswalk",
        version: "1.0",
        format: "json",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const mine = await loadActiveMapping(owner.id);
    const theirs = await loadActiveMapping(other.id);
    expect(mine.edges.filter((e) => e.crosswalk === "acme-crosswalk")).toHaveLength(2);
    expect(theirs.edges.some((e) => e.crosswalk === "acme-crosswalk")).toBe(false);
    expect(theirs.edges).toHaveLength(shipped.edges.length);
  });
});

describe("diff between stored versions", () => {
  it("names exactly the changed edges", async () => {
    const ws = await createWorkspace("cw-diff");
    await importCrosswalk({ target: adminTarget(ws.id), source: { definition: ownCrosswalk() } });
    const next = ownCrosswalk({ version: "1.1" });
    next.edges[0]!.relationship = "intersects-with";
    next.edges.splice(1, 1);
    next.edges.push({ ...next.edges[0]!, row: "data_privacy", rationale: "New edge." });
    await importCrosswalk({ target: adminTarget(ws.id), source: { definition: next } });
    const { diff } = await compareCrosswalkVersions({
      workspaceId: ws.id,
      key: "acme-crosswalk",
      from: "1.0",
      to: "1.1",
    });
    expect(diff.addedEdges.map((e) => e.row)).toEqual(["data_privacy"]);
    expect(diff.removedEdges.map((e) => e.row)).toEqual(["code_generation_security"]);
    expect(diff.changedEdges).toEqual([
      expect.objectContaining({
        row: "data_security",
        changes: [{ field: "relationship", from: "superset-of", to: "intersects-with" }],
      }),
    ]);
  });
});

describe("command line", () => {
  const cli = (args: string[]) =>
    run(
      path.join(root, "node_modules/.bin/tsx"),
      [
        "scripts/launch.ts",
        "exec",
        "--",
        "node_modules/.bin/tsx",
        "--conditions=react-server",
        "scripts/crosswalk.ts",
        ...args,
      ],
      { cwd: root, env: process.env, maxBuffer: 10 * 1024 * 1024 },
    );

  it("exports, re-imports and diffs; an invalid file lists every problem and exits 1", async () => {
    const exported = await cli(["export", "ai-srm-standards@1.0.0", "--format", "json"]);
    const dir = await mkdtemp(path.join(tmpdir(), "crosswalk-cli-"));
    const ws = await createWorkspace("cw-cli");
    const copy = JSON.parse(exported.stdout) as CrosswalkDefinition;
    const mine = { ...copy, key: "cli-copy" };
    await writeFile(path.join(dir, "copy.json"), serializeCrosswalk(mine, "json"));
    const imported = await cli(["import", path.join(dir, "copy.json"), "--workspace", ws.slug]);
    expect(imported.stdout).toMatch(
      /^Imported cli-copy@1\.0\.0: \d+ edges \(\d+ derived\), 6 catalogues/,
    );
    const again = await cli([
      "export",
      "cli-copy@1.0.0",
      "--format",
      "json",
      "--workspace",
      ws.slug,
    ]);
    expect(again.stdout).toBe(serializeCrosswalk(mine, "json"));

    const broken = { ...mine, key: "cli-broken" };
    broken.edges = [
      { ...broken.edges[0]!, entry: "LLM99:2025" },
      { ...broken.edges[1]!, relationship: "maps-to" },
    ];
    await writeFile(path.join(dir, "broken.json"), JSON.stringify(broken));
    const failure = await cli([
      "import",
      path.join(dir, "broken.json"),
      "--workspace",
      ws.slug,
    ]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 1 });
    const stderr = (failure as { stderr: string }).stderr;
    expect(stderr).toContain("The crosswalk is invalid (2 problems):");
    expect(stderr).toContain('edges[0].entry: "LLM99:2025" is not an entry of catalogue');
    expect(stderr).toContain('edges[1].relationship: "maps-to" is not an OSCAL 1.2 relationship');
    expect(stderr).toContain("Nothing was written.");
    expect(await db.crosswalk.count({ where: { workspaceId: ws.id, key: "cli-broken" } })).toBe(0);

    const diff = await cli(["diff", "ai-srm-standards@1.0.0", "ai-srm-standards@1.0.0"]);
    expect(diff.stdout).toBe(
      "Crosswalk changes from ai-srm-standards@1.0.0 to ai-srm-standards@1.0.0: none.\n",
    );
  }, 90_000);
});
