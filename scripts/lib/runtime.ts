// Shared by the launcher and command-line tools: prepares the environment of the app's processes
// (generated secrets, the embedded database when DATABASE_URL is unset) and runs child commands.
// This is process supervision, so it reads process.env itself; the app reads it via lib/env.ts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { type EmbeddedDatabase, startEmbeddedDatabase } from "../../lib/db/embedded";
import { installJobSchema } from "../../lib/db/job-schema";

export const ROOT = path.resolve(__dirname, "..", "..");

export function dataDir(): string {
  return path.resolve(ROOT, process.env.DATA_DIR || ".data");
}

type Secrets = { AUTH_SECRET: string };

// Secrets the user did not set are generated once and kept under the data directory (mode 600).
export function ensureSecrets(): Secrets {
  const file = path.join(dataDir(), "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Secrets>;
  if (!stored.AUTH_SECRET) {
    stored.AUTH_SECRET = randomBytes(32).toString("base64url");
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return { AUTH_SECRET: process.env.AUTH_SECRET || stored.AUTH_SECRET };
}

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

function lockFile() {
  return path.join(dataDir(), "pglite.lock");
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The configured server if DATABASE_URL is set, otherwise the embedded database under .data/.
export async function openDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const lock = lockFile();
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, "utf8"));
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir()} is in use by process ${pid}. Stop it first, or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  }
  fs.mkdirSync(dataDir(), { recursive: true });
  fs.writeFileSync(lock, String(process.pid));
  let embedded: EmbeddedDatabase;
  try {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir(), "pglite") });
  } catch (error) {
    fs.rmSync(lock, { force: true });
    throw error;
  }
  return {
    url: embedded.url,
    embedded: true,
    async stop() {
      await embedded.stop();
      fs.rmSync(lock, { force: true });
    },
  };
}

export function binPath(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

export type RunOptions = { env: NodeJS.ProcessEnv; quiet?: boolean };

// Runs a command to completion; rejects with its output when it fails.
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: options.env,
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})\n${output}`,
          ),
        );
    });
  });
}

// Our tables (Prisma migrations, schema "public") and the job queue's (pg-boss, schema "pgboss";
// see lib/db/job-schema.ts). Neither tool touches the other's schema.
export async function migrate(env: NodeJS.ProcessEnv, quiet = true): Promise<void> {
  await run(binPath("prisma"), ["migrate", "deploy"], { env, quiet });
  await installJobSchema(env.DATABASE_URL as string);
}

export async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  await run(binPath("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });
}
