// WEB_CONCURRENCY: one port served by several server processes of the production build, kept
// running by scripts/serve-next.mjs. Both serve, one killed with SIGKILL is replaced, SIGTERM
// stops them all (each through its own drain) and the supervisor exits 0; a bad value is refused.
// Needs TEST_DATABASE_URL: the servers connect to a PostgreSQL server of their own.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

const ROOT = path.resolve(__dirname, "..", "..");

test.describe.configure({ mode: "serial" });
test.skip(
  !process.env.TEST_DATABASE_URL,
  "the servers need a PostgreSQL server (TEST_DATABASE_URL) to share",
);

let database: TestDatabase;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await createTestDatabase("srm_cluster");
});

test.afterAll(async () => {
  await database?.drop();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function start(port: number, concurrency: string): { child: ChildProcess; output: string[] } {
  const child = spawn(
    process.execPath,
    ["scripts/serve-next.mjs", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: ROOT,
      stdio: "pipe",
      env: {
        ...process.env,
        NODE_ENV: "production",
        WEB_CONCURRENCY: concurrency,
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: "4",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        APP_URL: `http://127.0.0.1:${port}`,
        JOBS_IN_PROCESS: "false",
        HTTP_DRAIN_SECONDS: "2",
        LOG_LEVEL: "warn",
      },
    },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

/** The pids of a process's children, from /proc. */
async function children(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 90) {
  for (let i = 0; i < seconds * 4; i += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const healthy = (port: number) =>
  fetch(`http://127.0.0.1:${port}/api/health`).then(
    (response) => response.ok,
    () => false,
  );

test("two servers share the port, a killed one is replaced, SIGTERM stops all", async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  const { child, output } = start(port, "2");
  const pid = child.pid!;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    const first = await until("two servers", async () => {
      const pids = await children(pid);
      return pids.length === 2 && (await healthy(port)) ? pids : undefined;
    });

    process.kill(first[0]!, "SIGKILL");
    const second = await until("a replacement", async () => {
      const pids = await children(pid);
      return pids.length === 2 && !pids.includes(first[0]!) && (await healthy(port))
        ? pids
        : undefined;
    });
    expect(second).toContain(first[1]);
    expect(output.join("")).toContain(`server process ${first[0]} exited (SIGKILL)`);
    // Every request after the replacement is answered.
    const answers = await Promise.all(Array.from({ length: 20 }, () => healthy(port)));
    expect(answers.every(Boolean)).toBe(true);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const server of second)
      expect(await readFile(`/proc/${server}/status`, "utf8").catch(() => null)).toBeNull();
    expect(await healthy(port)).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});

test("a WEB_CONCURRENCY that is not a whole number from 1 to 64 is refused", async () => {
  const { child, output } = start(await freePort(), "lots");
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(1);
  expect(output.join("")).toContain(
    'WEB_CONCURRENCY must be a whole number from 1 to 64, not "lots"',
  );
});
