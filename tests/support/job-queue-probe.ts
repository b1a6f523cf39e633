// Child process for tests/integration/job-queue-pglite.test.ts: runs the app's job queue (the same
// code as the app) against DATABASE_URL with kinds of its own, and prints what happened as JSON.
// Run with `tsx --conditions=react-server`.
import { z } from "zod";

import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { jobQueue, startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";

const fast = { ...DEFAULT_POLICY, retryDelaySeconds: 1, retryDelayMaxSeconds: 1, pollSeconds: 0.5 };
const worked: string[] = [];

const echo = defineJobKind({
  name: "probe-echo",
  label: "Probe",
  payload: z.object({ id: z.string() }),
  policy: fast,
  handle: async ({ id }) => {
    worked.push(id);
  },
});

const broken = defineJobKind({
  name: "probe-broken",
  label: "Probe failure",
  payload: z.object({ workspaceId: z.string() }),
  policy: { ...fast, retries: 1 },
  workspaceOf: (payload) => payload.workspaceId,
  handle: async () => {
    throw new Error("probe failure");
  },
});

// Every minute: the occurrence at the start of the current minute is still due when the queue
// starts, so the cron pass sends it at once.
const ticking = defineJobKind({
  name: "probe-cron",
  label: "Probe schedule",
  payload: z.object({ tick: z.literal(true) }),
  policy: fast,
  schedule: { cron: () => "* * * * *", payload: { tick: true } },
  handle: async () => {
    worked.push("cron");
  },
});

async function until(check: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

async function main() {
  const started = Date.now();
  await startJobQueue({ work: true, kinds: [echo, broken, ticking] });
  const startMs = Date.now() - started;
  const workspace = await db.workspace.create({ data: { slug: "probe", name: "Probe" } });
  const inTransaction = await db.$transaction((tx) => enqueueJob(echo, { id: "tx" }, { tx }));
  await enqueueJob(echo, { id: "plain" });
  const brokenId = await enqueueJob(broken, { workspaceId: workspace.id });
  const echoed = await until(() => worked.includes("tx") && worked.includes("plain"), 15_000);
  // The first cron pass after the schedule is declared comes within 15 s.
  const cron = await until(() => worked.includes("cron"), 30_000);
  const failed = await until(
    async () => (await db.failedJob.count({ where: { queueJobId: brokenId } })) === 1,
    20_000,
  );
  const [echoJob] = await (await jobQueue()).findJobs(echo.name, { id: inTransaction });
  const schedules = (await (await jobQueue()).getSchedules()).map((s) => `${s.name} ${s.cron}`);
  await stopJobQueue({ timeoutSeconds: 1 });
  await db.$disconnect();
  process.stdout.write(
    `${JSON.stringify({ startMs, echoed, echoState: echoJob?.state, cron, failed, schedules })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
