// Benchmark of the evidence bundle: 10,000 evidence files (about 1 GB) in a scratch database and
// a scratch data directory, exported with the production code path (buildBundle), then the same
// files zipped by `zip -r` for comparison. Prints time, throughput, peak memory and the ratio.
// Then the same export as queue jobs worked by worker processes (bench/export-workers.ts): with
// `--workers 1,2`, `--exports` of them queued at once, all done by one worker process, then two.
//
//   npm run bench:export [-- --files 10000 --mb 1000 --workers 1,2 --exports 4]
//   npm run bench:export -- --files 1000 --mb 100      (the issue's figure: 1,000 files)
//
// Uses TEST_DATABASE_URL's server when set (a new database, dropped at the end), else embedded PGlite.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { promisify } from "node:util";

import { createTestDatabase } from "../tests/support/test-database";
import { measureWorkers, printWorkerResults } from "./export-workers";

const run = promisify(execFile);
const mb = (bytes: number) => bytes / 1024 / 1024;

function randomStream(size: number): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const chunk = Math.min(left, 64 * 1024);
      left -= chunk;
      this.push(randomBytes(chunk));
    },
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      files: { type: "string", default: "10000" },
      mb: { type: "string", default: "1000" },
      workers: { type: "string", default: "1,2" },
      exports: { type: "string", default: "4" },
    },
  });
  const fileCount = Number(values.files);
  const totalBytes = Number(values.mb) * 1024 * 1024;
  const scratch = await mkdtemp(path.join(os.tmpdir(), "srm-bench-export-"));
  const database = await createTestDatabase("srm_bench");
  // Configure before the app's modules read their environment.
  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = scratch;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  process.env.DATABASE_POOL_SIZE ??= "4";
  try {
    const { db } = await import("@/lib/db/client");
    const { evidenceStorage, evidenceStorageRoot } = await import("@/lib/storage/evidence-storage");
    const { buildBundle } = await import("@/lib/server/exports/build-bundle");
    const { newObjectKey } = await import("@/lib/storage/storage");
    const { verifyBundle } = await import("@/lib/export-bundle/verify-bundle");

    console.log(`generating ${fileCount} files, ${mb(totalBytes).toFixed(0)} MB in ${scratch} …`);
    const workspace = await db.workspace.create({
      data: { slug: "bench", name: "Benchmark workspace" },
    });
    const framework = await db.framework.create({
      data: {
        scopeKey: workspace.id,
        workspaceId: workspace.id,
        key: "bench",
        name: "Bench",
        publisher: "Bench",
      },
    });
    const version = await db.frameworkVersion.create({
      data: { frameworkId: framework.id, version: "1", definition: {}, definitionHash: "bench" },
    });
    const systems = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.aiSystem.create({
          data: {
            workspaceId: workspace.id,
            name: `System ${i}`,
            frameworkVersionId: version.id,
            primaryModel: "saas",
            deploymentModels: ["saas"],
            lifecycle: "PRODUCTION",
          },
        }),
      ),
    );
    const parts: { id: string }[] = [];
    for (const system of systems) {
      for (const domainKey of ["data", "identity", "monitoring"]) {
        const r = await db.responsibility.create({
          data: {
            workspaceId: workspace.id,
            systemId: system.id,
            domainKey,
            derivedValue: "C",
            value: "C",
          },
        });
        parts.push(
          await db.duty.create({
            data: {
              workspaceId: workspace.id,
              responsibilityId: r.id,
              systemId: system.id,
              domainKey,
              side: "CUSTOMER",
            },
          }),
        );
      }
    }
    const storage = evidenceStorage();
    const average = Math.floor(totalBytes / fileCount);
    const generated = Date.now();
    let written = 0;
    for (let start = 0; start < fileCount; start += 500) {
      const batch = [];
      for (let i = start; i < Math.min(fileCount, start + 500); i += 1) {
        // Sizes vary ±50% around the average; random bytes compress like real PDFs and images: barely.
        const size = Math.max(1, Math.floor(average * (0.5 + ((i * 7919) % 1000) / 1000)));
        const stored = await storage.put(newObjectKey(), randomStream(size), {
          maxBytes: size + 1,
        });
        written += stored.size;
        batch.push({
          id: `ev${String(i).padStart(6, "0")}`,
          workspaceId: workspace.id,
          kind: "FILE" as const,
          title: `Evidence ${i}`,
          fileName: `evidence-${i}.pdf`,
          contentType: "application/pdf",
          sizeBytes: stored.size,
          sha256: stored.sha256,
          storageKey: stored.key,
          reviewStatus: "ACCEPTED" as const,
        });
      }
      await db.evidence.createMany({ data: batch });
      await db.evidenceLink.createMany({
        data: batch.map((e, j) => ({
          workspaceId: workspace.id,
          evidenceId: e.id,
          dutyId: parts[(start + j) % parts.length]?.id ?? "",
        })),
      });
    }
    console.log(
      `generated ${fileCount} files, ${mb(written).toFixed(0)} MB in ${((Date.now() - generated) / 1000).toFixed(1)} s`,
    );

    let peakRss = process.memoryUsage().rss;
    const baselineRss = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const out = path.join(scratch, "bundle.zip");
    const t0 = performance.now();
    const result = await buildBundle({
      workspaceId: workspace.id,
      scope: { includeFiles: true },
      generatedBy: "bench",
      destination: { filePath: out },
    });
    const exportSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);

    const zipOut = path.join(scratch, "zip-r.zip");
    const t1 = performance.now();
    await run("zip", ["-r", "-q", zipOut, "objects"], {
      cwd: evidenceStorageRoot(),
      maxBuffer: 1024 * 1024,
    });
    const zipSeconds = (performance.now() - t1) / 1000;

    const t2 = performance.now();
    const verified = await verifyBundle(out);
    const verifySeconds = (performance.now() - t2) / 1000;

    const zipSize = (await stat(zipOut)).size;
    console.log("");
    console.log(
      `evidence files        ${result.manifest.counts.evidenceFiles} (${mb(written).toFixed(0)} MB)`,
    );
    console.log(
      `bundle                ${mb(result.bytes).toFixed(0)} MB, ${result.manifest.files.length + 2} entries`,
    );
    console.log(`export time           ${exportSeconds.toFixed(1)} s`);
    console.log(`throughput            ${(mb(written) / exportSeconds).toFixed(1)} MB/s`);
    console.log(
      `peak RSS during export ${mb(peakRss).toFixed(0)} MB (baseline before export ${mb(baselineRss).toFixed(0)} MB; process max ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
    );
    console.log(`zip -r same files     ${zipSeconds.toFixed(1)} s (${mb(zipSize).toFixed(0)} MB)`);
    console.log(`ratio export / zip -r ${(exportSeconds / zipSeconds).toFixed(2)}`);
    console.log(
      `export:verify         ${verified.ok ? "passed" : `FAILED: ${verified.problems[0]}`} in ${verifySeconds.toFixed(1)} s`,
    );

    const workerCounts = values.workers
      .split(",")
      .filter(Boolean)
      .map((count) => Number(count));
    if (workerCounts.length > 0) {
      const results = await measureWorkers({
        workspaceId: workspace.id,
        workerCounts,
        exports: Number(values.exports),
      });
      printWorkerResults(results, fileCount);
      const { stopJobQueue } = await import("@/lib/server/jobs/job-queue");
      await stopJobQueue({ timeoutSeconds: 1 });
    }
    await db.$disconnect();
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
