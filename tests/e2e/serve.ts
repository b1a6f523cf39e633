// Serves the production build for the end-to-end tests on its own port with a fresh database
// (TEST_DATABASE_URL's server when set, otherwise embedded PGlite), seeded like a first start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

import { buildIsCurrent, recordBuild } from "../../scripts/lib/build-fingerprint";
import { binPath, ROOT, run, seed } from "../../scripts/lib/runtime";
import { createTestDatabase } from "../support/test-database";
import { startMailbox } from "./support/mailbox";
import { startOidcProvider } from "./support/oidc-provider";

async function main() {
  const port = process.env.E2E_PORT || "3107";
  const database = await createTestDatabase("srm_e2e");
  const appUrl = `http://127.0.0.1:${port}`;
  // A real OpenID provider for the single sign-on tests (tests/e2e/sso.spec.ts).
  const oidc = await startOidcProvider(appUrl);
  // A real SMTP server receives the app's e-mail (notifications, invitations); specs read it with
  // readMailbox() (tests/e2e/support/mailbox.ts). E2E_SMTP_URL points the app at another one.
  const mailbox = await startMailbox(port);
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
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: oidc.clientId,
    OIDC_CLIENT_SECRET: oidc.clientSecret,
    OIDC_NAME: "Test SSO",
    SMTP_URL: process.env.E2E_SMTP_URL || mailbox.smtpUrl,
    SMTP_FROM: "AI SRM e2e <no-reply@example.test>",
  };
  await seed(env);
  if (!buildIsCurrent(ROOT)) {
    await run(binPath("next"), ["build"], { env });
    recordBuild(ROOT);
  }
  const server = spawn(
    process.execPath,
    ["scripts/serve-next.mjs", "--port", port, "--hostname", "127.0.0.1"],
    { cwd: ROOT, env, stdio: "inherit" },
  );
  const stop = async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await new Promise((resolve) =>
      server.exitCode === null ? server.once("exit", resolve) : resolve(null),
    );
    await oidc.close();
    await mailbox.close();
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
