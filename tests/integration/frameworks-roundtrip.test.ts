import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { exportFrameworkVersion } from "@/lib/server/frameworks/export-framework-version";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";

import { adminTarget, asYaml, createWorkspace, smallDefinition } from "./frameworks-fixtures";

const root = path.resolve(__dirname, "../..");
const run = promisify(execFile);

beforeAll(async () => {
  await seedBuiltInFrameworks();
});

describe("round trip through the database", () => {
  it("export → import into another workspace → export gives identical bytes (JSON and YAML)", async () => {
    const a = await createWorkspace("rt-a");
    const b = await createWorkspace("rt-b");
    // A hand-written file in a different key order, with cells out of order and `critical: false`.
    const definition = smallDefinition();
    const handWritten = asYaml({
      ...definition,
      cells: [...definition.cells].reverse().map((c) => ({ critical: false, ...c })),
    });
    await importFramework({
      target: adminTarget(a.id),
      source: { content: handWritten, format: "yaml" },
    });

    for (const format of ["json", "yaml"] as const) {
      const first = await exportFrameworkVersion({
        workspaceId: a.id,
        key: definition.key,
        version: "1.0.0",
        format,
      });
      const target = format === "json" ? b : await createWorkspace("rt-c");
      await importFramework({
        target: adminTarget(target.id),
        source: { content: first.content, format },
      });
      const second = await exportFrameworkVersion({
        workspaceId: target.id,
        key: definition.key,
        version: "1.0.0",
        format,
      });
      expect(second.content).toBe(first.content);
    }
  });

  it("exports the built-in AI SRM 1.1.0 as exactly the shipped YAML file", async () => {
    const exported = await exportFrameworkVersion({
      workspaceId: null,
      key: "ai-security-srm",
      version: "1.1.0",
      format: "yaml",
    });
    expect(exported.content).toBe(
      readFileSync(path.join(root, "frameworks/ai-security-srm/1.1.0.yaml"), "utf8"),
    );
  });
});

type SourceSrm = {
  cells: { domain: string; model: string; value: string; criticalFocus: boolean }[];
};

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
        "scripts/framework.ts",
        ...args,
      ],
      {
        cwd: root,
        // Inherits DATABASE_URL (the test database), so the launcher uses it instead of the embedded one.
        env: process.env,
        maxBuffer: 10 * 1024 * 1024,
      },
    );

  it("exports ai-security-srm@1.1.0 as JSON with the source keys, the 128 values and the 5 critical flags", async () => {
    const { stdout } = await cli(["export", "ai-security-srm@1.1.0", "--format", "json"]);
    const exported = JSON.parse(stdout) as {
      key: string;
      version: string;
      cells: { row: string; column: string; value: string; critical?: boolean }[];
    };
    const source = JSON.parse(
      readFileSync(path.join(root, "../shared/frameworks/ai-security-srm-1.1.0.json"), "utf8"),
    ) as SourceSrm;
    expect(exported).toMatchObject({ key: "ai-security-srm", version: "1.1.0" });
    expect(exported.cells).toHaveLength(128);
    const ours = new Map(exported.cells.map((c) => [`${c.row}|${c.column}`, c]));
    let values = 0;
    let flags = 0;
    for (const cell of source.cells) {
      const mine = ours.get(`${cell.domain}|${cell.model}`);
      if (mine?.value === cell.value) values += 1;
      if ((mine?.critical ?? false) === cell.criticalFocus) flags += 1;
    }
    expect(values).toBe(128);
    expect(flags).toBe(128);
    expect(exported.cells.filter((c) => c.critical)).toHaveLength(5);
  }, 60_000);

  it("lists, diffs, and fails with a clear message and a non-zero exit code", async () => {
    const { stdout } = await cli(["list"]);
    expect(stdout).toMatch(
      /^ai-security-srm {2}AI Security Shared Responsibility Model \(built-in;.*versions: 1\.1\.0$/m,
    );
    const diff = await cli(["diff", "ai-security-srm@1.1.0", "ai-security-srm@1.1.0"]);
    expect(diff.stdout).toBe("Changes from ai-security-srm@1.1.0 to ai-security-srm@1.1.0: none\n");
    const failure = await cli(["export", "ai-security-srm@9.9.9"]).catch((e: unknown) => e);
    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'Version "9.9.9" of framework "ai-security-srm" was not found.',
      ),
    });
  }, 60_000);
});
