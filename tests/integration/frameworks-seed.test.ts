import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { definitionHash } from "@/lib/frameworks/serialize";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";
import {
  BuiltInFrameworkSeedError,
  seedBuiltInFrameworks,
} from "@/lib/server/frameworks/seed-builtins";

import { catalogCounts } from "./frameworks-fixtures";

const shipped = path.resolve(__dirname, "../../frameworks");
const temp = mkdtempSync(path.join(tmpdir(), "srm-frameworks-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyOfShipped(name: string): string {
  const directory = path.join(temp, name);
  cpSync(shipped, directory, { recursive: true });
  return directory;
}

async function storedVersion(key: string, version: string) {
  return db.frameworkVersion.findFirstOrThrow({
    where: { version, framework: { key, scopeKey: "builtin" } },
  });
}

describe("seedBuiltInFrameworks", () => {
  it("stores every shipped framework once, with its canonical hash", async () => {
    const report = await seedBuiltInFrameworks();
    expect(report).toEqual([
      "framework ai-security-srm@1.1.0: stored as a new framework",
      "framework genai-four-layer@2025: stored as a new framework",
    ]);
    const srm = await storedVersion("ai-security-srm", "1.1.0");
    const parsed = parseFrameworkDefinition(
      readFileSync(path.join(shipped, "ai-security-srm/1.1.0.yaml"), "utf8"),
      "yaml",
    );
    if (!parsed.ok) throw new Error("shipped file is invalid");
    expect(srm.definitionHash).toBe(definitionHash(parsed.definition));
    const framework = await db.framework.findFirstOrThrow({ where: { key: "ai-security-srm" } });
    expect(framework).toMatchObject({ scopeKey: "builtin", workspaceId: null });
  });

  it("is idempotent: a second run adds no rows and reports every file unchanged", async () => {
    const before = await catalogCounts();
    const report = await seedBuiltInFrameworks();
    expect(report.every((line) => line.endsWith(": unchanged"))).toBe(true);
    expect(await catalogCounts()).toEqual(before);
  });

  it("stores a file with a new version string as a new version, leaving the old one as it was", async () => {
    const directory = copyOfShipped("new-version");
    const published = await storedVersion("ai-security-srm", "1.1.0");
    const text = readFileSync(path.join(directory, "ai-security-srm/1.1.0.yaml"), "utf8")
      .replace(/^version: 1\.1\.0$/m, "version: 1.2.0")
      .replace(/^ {4}value: P$/m, "    value: C");
    writeFileSync(path.join(directory, "ai-security-srm/1.2.0.yaml"), text);

    const report = await seedBuiltInFrameworks({ directory });
    expect(report).toContain("framework ai-security-srm@1.2.0: stored as a new version");
    expect(report).toContain("framework ai-security-srm@1.1.0: unchanged");
    expect(
      await db.frameworkVersion.count({ where: { framework: { key: "ai-security-srm" } } }),
    ).toBe(2);
    expect(await storedVersion("ai-security-srm", "1.1.0")).toEqual(published);

    // Run again: nothing new.
    const before = await catalogCounts();
    await seedBuiltInFrameworks({ directory });
    expect(await catalogCounts()).toEqual(before);
  });

  it("refuses a changed file under a published version and never modifies the stored version", async () => {
    const directory = copyOfShipped("changed");
    const file = path.join(directory, "ai-security-srm/1.1.0.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {4}value: P$/m, "    value: S"));
    const published = await storedVersion("ai-security-srm", "1.1.0");
    const before = await catalogCounts();

    const error = await seedBuiltInFrameworks({ directory }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuiltInFrameworkSeedError);
    expect((error as BuiltInFrameworkSeedError).problems).toEqual([
      expect.stringMatching(
        /ai-security-srm\/1\.1\.0\.yaml differs from the published ai-security-srm@1\.1\.0 .*never modified: give the changed definition a new version/,
      ),
    ]);
    expect(await storedVersion("ai-security-srm", "1.1.0")).toEqual(published);
    expect(await catalogCounts()).toEqual(before);
  });

  it("refuses a file whose name does not match the key and version inside it", async () => {
    const directory = copyOfShipped("misnamed");
    cpSync(
      path.join(directory, "genai-four-layer/2025.yaml"),
      path.join(directory, "genai-four-layer/2026.yaml"),
    );
    const error = await seedBuiltInFrameworks({ directory }).catch((e: unknown) => e);
    expect((error as BuiltInFrameworkSeedError).problems).toEqual([
      expect.stringContaining(
        "declares genai-four-layer@2025; it must live at frameworks/genai-four-layer/2025.yaml",
      ),
    ]);
  });

  it("refuses an invalid file, naming the path of the problem", async () => {
    const directory = copyOfShipped("invalid");
    const file = path.join(directory, "genai-four-layer/2025.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {4}value: P$/m, "    value: X"));
    const error = await seedBuiltInFrameworks({ directory }).catch((e: unknown) => e);
    expect((error as BuiltInFrameworkSeedError).problems[0]).toMatch(
      /genai-four-layer\/2025\.yaml is invalid: cells\[\d+\]\.value: "X" is not in the scale \(P, C, S, NA\)/,
    );
  });
});
