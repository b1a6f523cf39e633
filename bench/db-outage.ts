/**
 * Database outage benchmark: `npm run bench:outage [-- --seconds 3 --rounds 3]`.
 *
 * The shared PostgreSQL may not be restarted here, so the outage is made by a TCP proxy between the
 * app and a scratch database: every connection is cut and the port closed for --seconds (what the
 * app sees during a restart), then it listens again. Meanwhile an API route (GET /api/v1/workspace
 * with a token) and /api/health are called in-process every 100 ms from 4 concurrent clients, after
 * the pool was filled. Prints, per round, the answers during the outage (503s expected, never 500)
 * and the seconds from the database being back to the first 200 of each.
 * Uses TEST_DATABASE_URL's server when set, otherwise embedded PGlite.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { startTcpProxy } from "../tests/support/tcp-proxy";
import { createTestDatabase } from "../tests/support/test-database";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "3" },
      rounds: { type: "string", default: "3" },
    },
  });
  const database = await createTestDatabase("srm_bench_outage");
  const target = new URL(database.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  target.host = `127.0.0.1:${proxy.port}`;
  process.env.DATABASE_URL = target.toString();
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  process.env.LOG_LEVEL ??= "error";
  try {
    const { GET: workspaceRoute } = await import("@/app/api/v1/workspace/route");
    const { GET: healthRoute } = await import("@/app/api/health/route");
    const { createEvidenceWorld, tokenFor } = await import("../tests/support/evidence-fixtures");
    const { db } = await import("@/lib/db/client");
    const secret = await tokenFor(await createEvidenceWorld("outage-bench"));
    const api = () =>
      workspaceRoute(
        new Request("http://bench.local/api/v1/workspace", {
          headers: { authorization: `Bearer ${secret}` },
        }),
      ).then((response) => response.status);
    const health = () => healthRoute().then((response) => response.status);

    for (let round = 1; round <= Number(values.rounds); round++) {
      await Promise.all(Array.from({ length: 8 }, api));
      const during = new Map<number, number>();
      let outage = true;
      const clients = Array.from({ length: 4 }, async () => {
        while (outage) {
          const status = await api();
          during.set(status, (during.get(status) ?? 0) + 1);
          await sleep(100);
        }
      });
      await proxy.cut();
      await sleep(Number(values.seconds) * 1000);
      outage = false;
      await Promise.all(clients);
      await proxy.restore();
      const back = performance.now();
      const firstOk = async (call: () => Promise<number>) => {
        while (performance.now() - back < 60_000) {
          if ((await call()) === 200) return (performance.now() - back) / 1000;
          await sleep(100);
        }
        return Number.NaN;
      };
      const [apiSeconds, healthSeconds] = await Promise.all([firstOk(api), firstOk(health)]);
      const answers = [...during].map(([status, count]) => `${count}× ${status}`).join(", ");
      console.log(
        `round ${round}: ${values.seconds} s outage → answers during it: ${answers}; ` +
          `first 200 after the database was back: API ${apiSeconds.toFixed(2)} s, ` +
          `/api/health ${healthSeconds.toFixed(2)} s`,
      );
      await sleep(1_000);
    }
    await db.$disconnect();
  } finally {
    await proxy.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
