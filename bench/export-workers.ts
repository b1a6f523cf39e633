// Part of `npm run bench:export`: the same exports worked by worker processes, as an installation
// with `npm run worker` runs them: `exports` whole-workspace exports are queued at once and worked
// by 1, then 2, … worker processes (each runs one export at a time). Prints the wall time until
// all are done and the throughput, per worker count.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

type Result = { workers: number; exports: number; seconds: number; perExport: number };

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("job queue started with workers")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export async function measureWorkers(input: {
  workspaceId: string;
  workerCounts: number[];
  exports: number;
}): Promise<Result[]> {
  const { db } = await import("@/lib/db/client");
  const { exportBundleJob } = await import("@/lib/server/exports/export-bundle-job");
  const { enqueueJob } = await import("@/lib/server/jobs/enqueue-job");
  const { jobQueue } = await import("@/lib/server/jobs/job-queue");
  await jobQueue();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    DATABASE_POOL_SIZE: "4",
  };
  const results: Result[] = [];
  for (const workers of input.workerCounts) {
    const children = await Promise.all(Array.from({ length: workers }, () => startWorker(env)));
    try {
      const t0 = performance.now();
      // Queued like startExport does (row and job in one transaction), past its per-workspace cap.
      const ids: string[] = [];
      for (let i = 0; i < input.exports; i += 1) {
        ids.push(
          await db.$transaction(async (tx) => {
            const row = await tx.exportJob.create({
              data: {
                workspaceId: input.workspaceId,
                scope: { includeFiles: true },
                requestedByLabel: "bench",
              },
            });
            await enqueueJob(
              exportBundleJob,
              { workspaceId: input.workspaceId, exportId: row.id },
              { tx },
            );
            return row.id;
          }),
        );
      }
      for (;;) {
        const open = await db.exportJob.count({
          where: { id: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } },
        });
        if (open === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const seconds = (performance.now() - t0) / 1000;
      const done = await db.exportJob.findMany({ where: { id: { in: ids } } });
      const failed = done.filter((row) => row.status !== "DONE");
      if (failed.length > 0)
        throw new Error(`${failed.length} exports did not finish: ${failed[0]?.error}`);
      const perExport =
        done.reduce(
          (sum, row) => sum + ((row.finishedAt?.getTime() ?? 0) - (row.startedAt?.getTime() ?? 0)),
          0,
        ) /
        done.length /
        1000;
      results.push({ workers, exports: input.exports, seconds, perExport });
    } finally {
      await Promise.all(children.map(stopWorker));
    }
  }
  return results;
}

export function printWorkerResults(results: Result[], files: number): void {
  console.log("");
  console.log(
    `worker processes: ${results[0]?.exports ?? 0} exports of ${files} evidence files each, queued at once`,
  );
  for (const r of results) {
    console.log(
      `  ${r.workers} worker${r.workers === 1 ? " " : "s"}  all done in ${r.seconds.toFixed(1)} s  ` +
        `(${((r.exports / r.seconds) * 60).toFixed(1)} exports/min, ${r.perExport.toFixed(1)} s per export)`,
    );
  }
}
