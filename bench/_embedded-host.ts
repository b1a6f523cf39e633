// A process that holds an embedded database (PGlite) for a bench, the way `npm start` without
// DATABASE_URL holds it in the launcher: the app server and the bench are other processes that
// reach it over its loopback port, so the load generator never shares an event loop with it.
//
//   node --import tsx bench/_embedded-host.ts <data-dir>   prints "url <postgresql://…>", stops on SIGTERM
import { startEmbeddedDatabase } from "../lib/db/embedded";

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error("usage: _embedded-host.ts <data-dir>");
  const database = await startEmbeddedDatabase({ dataDir });
  process.stdout.write(`url ${database.url}\n`);
  const stop = () => {
    void database.stop().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `embedded host: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
