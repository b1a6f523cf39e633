// SIGTERM drains requests: a second production server (the build the e2e run made), started by the
// launcher on its own database and port, gets SIGTERM while a slow request is in flight. The slow
// request completes, a new connection is refused meanwhile, and the launcher exits with code 0.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(url: string, launcher: ChildProcess) {
  for (let i = 0; i < 240 && launcher.exitCode === null; i++) {
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the second server did not become healthy");
}

let database: TestDatabase | undefined;
let dataDir: string | undefined;

test.afterAll(async () => {
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("SIGTERM: in-flight requests finish, new ones are refused, exit code 0", async () => {
  test.setTimeout(180_000);
  database = await createTestDatabase("srm_drain");
  dataDir = await mkdtemp(path.join(os.tmpdir(), "srm-drain-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // node with tsx's loader rather than the tsx command, whose child would get the signal second-hand.
  const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts", "start"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      APP_URL: url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      SKIP_BUILD: "true",
      HTTP_DRAIN_SECONDS: "20",
      LOG_FORMAT: "json",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  launcher.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => launcher.once("exit", resolve));
  try {
    await waitForHealth(url, launcher);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // A slow request: a sign-in form whose body arrives in two halves, seconds apart.
    const slow = http.request(`${url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const answered = new Promise<number>((resolve, reject) => {
      slow.on("response", (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      slow.on("error", reject);
    });
    slow.write("email=nobody%40example.com&");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const termAt = Date.now();
    launcher.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Not accepting any more: a new connection is refused while the slow request still runs.
    const fresh = await fetch(`${url}/api/health`).then(
      (response) => `answered ${response.status}`,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
    );
    expect(fresh).toBe("ECONNREFUSED");

    slow.end("password=not-the-password");
    const status = await answered;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);

    expect(await exited).toBe(0);
    expect(Date.now() - termAt).toBeLessThan(30_000);
    expect(output).toContain("requests drained");
  } finally {
    if (launcher.exitCode === null) launcher.kill("SIGKILL");
  }
});
