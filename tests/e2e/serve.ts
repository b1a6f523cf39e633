// Serves the production build for the end-to-end tests on its own port with a fresh database
// (TEST_DATABASE_URL's server when set, otherwise embedded PGlite), seeded like a first start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

import { buildIsCurrent, recordBuild } from "../../scripts/lib/build-fingerprint";
import { binPath, ROOT, run, seed } from "../../scripts/lib/runtime";
import { createTestDatabase } from "../support/test-database";

async function main() {
  const port = process.env.E2E_PORT || "3107";
  const database = await createTestDatabase("srm_e2e");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    PORT: port,
    APP_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    DATA_DIR: `.data/e2e-${process.pid}`,
    SEED_DEMO: "true",
    // As the launcher does: the app's own shutdown releases running jobs before it exits.
    NEXT_MANUAL_SIG_HANDLE: "true",
  };
  await seed(env);
  if (!buildIsCurrent(ROOT)) {
    await run(binPath("next"), ["build"], { env });
    recordBuild(ROOT);
  }
  const server = spawn(binPath("next"), ["start", "--port", port, "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  const stop = async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    await database.drop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  server.on("exit", async (code) => {
    await database.drop();
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
