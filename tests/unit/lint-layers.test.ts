import path from "node:path";

import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import rules of eslint.config.mjs, run through ESLint's own API on code that is never
// written to disk: each virtual file path puts the code in the folder whose rules it tests.

const ROOT = path.resolve(__dirname, "../..");
const RESTRICTED = "no-restricted-imports";
const CLIENT = "layers/no-server-in-client";

let eslint: ESLint;

// Loading the config (Next's presets, the TypeScript parser) takes seconds; do it once, up front.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText("export {};\n", { filePath: path.join(ROOT, "lib/lint-warm-up.ts") });
}, 60_000);

/** Lints `code` as if it were the file at `file` (relative to the repository root). */
async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (!result) throw new Error(`ESLint returned nothing for ${file}`);
  return result.messages;
}

/** The rule ids of the errors found in `code`, linted at `file`. */
async function errorsOf(file: string, code: string): Promise<(string | null)[]> {
  return (await lint(file, code)).filter((m) => m.severity === 2).map((m) => m.ruleId);
}

const use = (name: string, from: string) =>
  `import { ${name} } from "${from}";\n\nexport const probe = ${name};\n`;
const CLIENT_DIRECTIVE = '"use client";\n\n';

describe("lint: components/** never imports app/**", () => {
  const file = "components/evidence/lint-probe.tsx";

  it("fails an alias import of a route", async () => {
    expect(
      await errorsOf(file, use("x", "@/app/(app)/w/[workspaceSlug]/evidence/query-keys")),
    ).toEqual([RESTRICTED]);
  });

  it("fails a relative import of a route", async () => {
    expect(await errorsOf(file, use("x", "../../app/(auth)/sign-in/page"))).toEqual([RESTRICTED]);
  });

  it("passes imports of actions, lib/view and other components", async () => {
    const code =
      'import { Button } from "@/components/ui/button";\n' +
      'import { linkEvidenceAction } from "@/lib/actions/evidence";\n' +
      'import { SIDE_LABELS } from "@/lib/view/duties/labels";\n\n' +
      "export const probe = [linkEvidenceAction, Button, SIDE_LABELS];\n";
    expect(await errorsOf(file, code)).toEqual([]);
  });
});

describe("lint: lib/** never imports components/** or app/**", () => {
  const file = "lib/view/evidence/lint-probe.ts";

  it("fails an import of a component", async () => {
    expect(await errorsOf(file, use("Button", "@/components/ui/button"))).toEqual([RESTRICTED]);
    expect(await errorsOf(file, use("Button", "../../../components/ui/button"))).toEqual([
      RESTRICTED,
    ]);
  });

  it("fails an import of a route, in lib/server as well", async () => {
    expect(
      await errorsOf(file, use("x", "@/app/(app)/w/[workspaceSlug]/exports/query-keys")),
    ).toEqual([RESTRICTED]);
    expect(
      await errorsOf("lib/server/evidence/lint-probe.ts", use("GET", "@/app/api/health/route")),
    ).toEqual([RESTRICTED]);
  });

  it("holds in lib/auth too, where only next-auth is allowed", async () => {
    expect(
      await errorsOf("lib/auth/lint-probe.ts", use("Button", "@/components/ui/button")),
    ).toEqual([RESTRICTED]);
    expect(await errorsOf("lib/auth/lint-probe.ts", use("signIn", "next-auth/react"))).toEqual([]);
  });

  it("passes imports inside lib", async () => {
    expect(await errorsOf(file, use("SIDE_LABELS", "@/lib/view/duties/labels"))).toEqual([]);
  });
});

describe("lint: lib/domain/** never imports lib/server or lib/db", () => {
  const file = "lib/domain/lint-probe.ts";

  it("fails an import of a service or of the database, by alias or relative path", async () => {
    expect(await errorsOf(file, use("getEvidence", "@/lib/server/evidence/get-evidence"))).toEqual([
      RESTRICTED,
    ]);
    expect(await errorsOf(file, use("db", "@/lib/db/client"))).toEqual([RESTRICTED]);
    expect(await errorsOf(file, use("db", "../db/client"))).toEqual([RESTRICTED]);
    expect(await errorsOf(file, use("getEvidence", "../server/evidence/get-evidence"))).toEqual([
      RESTRICTED,
    ]);
  });

  it("keeps the lib/** rules", async () => {
    expect(await errorsOf(file, use("Button", "@/components/ui/button"))).toEqual([RESTRICTED]);
  });

  it("passes imports of other pure rules", async () => {
    expect(await errorsOf(file, use("DUTY_SIDES", "@/lib/domain/responsibility"))).toEqual([]);
  });
});

describe('lint: "use client" files never import lib/server or lib/db', () => {
  it("fails a value import, a type import and a relative import", async () => {
    const file = "components/evidence/lint-probe.tsx";
    expect(
      await errorsOf(
        file,
        CLIENT_DIRECTIVE + use("getEvidence", "@/lib/server/evidence/get-evidence"),
      ),
    ).toEqual([CLIENT]);
    expect(
      await errorsOf(
        file,
        CLIENT_DIRECTIVE +
          'import type { ExportJob } from "@/lib/server/exports/export-job-view";\n\n' +
          "export type Probe = ExportJob;\n",
      ),
    ).toEqual([CLIENT]);
    expect(
      await errorsOf(
        "app/(app)/w/[workspaceSlug]/exports/lint-probe.tsx",
        CLIENT_DIRECTIVE + use("db", "../../../../../lib/db/client"),
      ),
    ).toEqual([CLIENT]);
  });

  it("fails in lib too, alongside the lib/** rules", async () => {
    expect(
      await errorsOf(
        "lib/view/lint-probe.ts",
        CLIENT_DIRECTIVE + use("getEvidence", "@/lib/server/evidence/get-evidence"),
      ),
    ).toEqual([CLIENT]);
  });

  it("passes the same import in a server component, and lib/view in a client one", async () => {
    const file = "components/evidence/lint-probe.tsx";
    expect(await errorsOf(file, use("getEvidence", "@/lib/server/evidence/get-evidence"))).toEqual(
      [],
    );
    expect(
      await errorsOf(file, CLIENT_DIRECTIVE + use("formatBytes", "@/lib/view/format")),
    ).toEqual([]);
  });

  it('only a leading directive counts: a "use client" string later in the file does not', async () => {
    const code =
      use("getEvidence", "@/lib/server/evidence/get-evidence") +
      '\nexport const note = "use client";\n';
    expect(await errorsOf("components/evidence/lint-probe.tsx", code)).toEqual([]);
  });
});

describe("lint: next-auth stays behind lib/auth in every folder", () => {
  it.each([
    "app/(auth)/sign-in/lint-probe.tsx",
    "components/auth/lint-probe.tsx",
    "lib/view/lint-probe.ts",
    "lib/domain/lint-probe.ts",
  ])("fails in %s", async (file) => {
    expect(await errorsOf(file, use("signIn", "next-auth/react"))).toEqual([RESTRICTED]);
  });
});

describe("lint: imports are sorted", () => {
  const file = "lib/view/evidence/lint-probe.ts";

  it("fails imports out of order", async () => {
    const code =
      'import { SIDE_LABELS } from "@/lib/view/duties/labels";\n' +
      'import { z } from "zod";\n\n' +
      "export const probe = [SIDE_LABELS, z];\n";
    expect(await errorsOf(file, code)).toEqual(["simple-import-sort/imports"]);
  });

  it("passes packages first, then our modules, a blank line between", async () => {
    const code =
      'import { z } from "zod";\n\n' +
      'import { SIDE_LABELS } from "@/lib/view/duties/labels";\n\n' +
      "export const probe = [SIDE_LABELS, z];\n";
    expect(await errorsOf(file, code)).toEqual([]);
  });
});
