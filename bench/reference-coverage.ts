// Benchmark of coverage by external reference (getCoverageByReference) on a large workspace: the
// coverage benchmark's generated workspace (default 5,000 systems on the AI SRM 1.1.0 matrix) and
// the built-in crosswalk's edges. Measures, after a warm-up, all catalogues at once (the Standards
// page and the report), one catalogue (the API's ?catalogue=), and the engine's own workspace
// coverage for comparison. Prints figures only; timing targets belong here, never in tests.
//
//   npm run bench:references [-- --systems 5000 --runs 10]
//
// Database: a scratch database on DATABASE_URL's server (dropped at the end), or an in-memory
// embedded PGlite without DATABASE_URL. Never the app's data.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { parse } from "yaml";

import { createTestDatabase } from "../tests/support/test-database";
import { generateWorkspace } from "./coverage-data";

const { values } = parseArgs({
  options: {
    systems: { type: "string", default: "5000" },
    runs: { type: "string", default: "10" },
  },
});
const NOW = new Date();

async function time(label: string, runs: number, call: () => Promise<unknown>) {
  for (let i = 0; i < 2; i += 1) await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  process.stdout.write(
    `  ${label}: median ${median.toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms\n`,
  );
}

async function main() {
  if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  const database = await createTestDatabase("srm_bench_ref");
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  try {
    const { db } = await import("@/lib/db/client");
    const { getCoverage } = await import("@/lib/server/coverage/get-coverage");
    const { getCoverageByReference } =
      await import("@/lib/server/coverage/get-coverage-by-reference");
    const { mappingPairs, mergeCrosswalks } = await import("@/lib/crosswalks/active-mapping");
    const { parseCrosswalk } = await import("@/lib/crosswalks/validate");

    const definition = parse(
      readFileSync(path.join(__dirname, "../frameworks/ai-security-srm/1.1.0.yaml"), "utf8"),
    ) as { cells: { row: string; column: string; value: string; critical?: boolean }[] };
    const { workspaceId, counts } = await generateWorkspace({
      db,
      systems: Number(values.systems),
      cells: definition.cells,
      now: NOW,
    });
    const parsed = parseCrosswalk(
      readFileSync(
        path.join(__dirname, "../frameworks/crosswalks/ai-srm-standards/1.0.0.yaml"),
        "utf8",
      ),
      "yaml",
    );
    if (!parsed.ok) throw new Error("the shipped crosswalk does not parse");
    const mapping = mergeCrosswalks([
      {
        crosswalk: {
          key: "ai-srm-standards",
          name: "",
          version: "",
          publisher: "",
          builtIn: true,
          definitionHash: "",
        },
        definition: parsed.definition,
      },
    ]);
    const pairs = mappingPairs(mapping);
    const owasp = pairs.filter((p) => p.catalogue === "owasp-llm-top10");
    process.stdout.write(
      `${counts.systems} systems, ${counts.parts} parts; ${pairs.length} edges (${owasp.length} to OWASP)\n`,
    );
    const runs = Number(values.runs);
    await time("all six catalogues", runs, () =>
      getCoverageByReference({ workspaceId, pairs, now: NOW }),
    );
    await time("OWASP only", runs, () =>
      getCoverageByReference({ workspaceId, pairs: owasp, now: NOW }),
    );
    await time("workspace coverage (engine, stored counts)", runs, () =>
      getCoverage({ workspaceId, now: NOW }),
    );
    await db.$disconnect();
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
