// A database outage for real: the app's connections go through a TCP proxy in front of the test
// database, which the test cuts (every connection dropped, the port closed, as during a restart)
// and restores. During the outage the API, the readiness check and pages answer 503 with
// Retry-After; once it is back the API answers 200 within 5 s, without a restart.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as readyRoute } from "@/app/api/ready/route";
import { GET as workspaceRoute } from "@/app/api/v1/workspace/route";
import { databaseAvailability } from "@/lib/db/availability";
import { db } from "@/lib/db/client";
import { toActionError } from "@/lib/errors";
import { proxy as pageProxy } from "@/proxy";

import { createEvidenceWorld, tokenFor } from "../support/evidence-fixtures";
import { startTcpProxy } from "../support/tcp-proxy";

// The app must connect through the proxy from its first query on (the setup file set the URL).
const target = new URL(process.env.DATABASE_URL ?? "");
const tcp = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
target.host = `127.0.0.1:${tcp.port}`;
process.env.DATABASE_URL = target.toString();

let secret: string;

beforeAll(async () => {
  const world = await createEvidenceWorld("outage");
  secret = await tokenFor(world, "VIEWER");
});

afterAll(async () => {
  await tcp.restore().catch(() => undefined);
  await tcp.close();
});

function callApi() {
  return workspaceRoute(
    new Request("http://localhost/api/v1/workspace", {
      headers: { authorization: `Bearer ${secret}`, "x-request-id": "outage-test-0001" },
    }),
  );
}

function callPage() {
  return pageProxy(new NextRequest("http://localhost/w/outage/systems"));
}

describe("a database outage", () => {
  it("answers 503 with Retry-After while the database is away, then 200 within 5 s", async () => {
    // Several pooled connections, all killed by the outage.
    await Promise.all(Array.from({ length: 5 }, () => callApi()));
    expect((await callApi()).status).toBe(200);
    expect((await callPage()).status).toBe(200);

    await tcp.cut();
    const api = await callApi();
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(api.headers.get("x-request-id")).toBe("outage-test-0001");
    expect(await api.json()).toEqual({
      error: {
        code: "UNAVAILABLE",
        message:
          "The database is not reachable at the moment. Nothing was changed; please try again in a few seconds.",
      },
    });
    expect(databaseAvailability().available).toBe(false);

    const page = await callPage();
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(await page.text()).toContain("The database cannot be reached");

    const ready = await readyRoute(new Request("http://localhost/api/ready"));
    expect(ready.status).toBe(503);
    const readiness = (await ready.json()) as {
      checks: { database: { ok: boolean; detail: string }; jobQueue: { ok: boolean } };
    };
    expect(readiness.checks.database).toEqual({ ok: false, detail: "unreachable" });
    expect(readiness.checks.jobQueue.ok).toBe(false);
    // Anonymous callers learn no host, port or driver error.
    expect(JSON.stringify(readiness)).not.toMatch(new RegExp(`${tcp.port}|ECONN|terminated`));

    // Server actions map the same failure through the same place.
    const failure = await db.workspace.count().catch((error: unknown) => error);
    expect(toActionError(failure)).toMatchObject({ code: "UNAVAILABLE", status: 503 });

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await tcp.restore();
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 10_000) {
      status = (await callApi()).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - back) / 1000;
    expect(status).toBe(200);
    expect(seconds).toBeLessThan(5);

    // Pages follow once the probe saw the database again (it runs every second).
    const pageBack = Date.now();
    while (Date.now() - pageBack < 5_000 && (await callPage()).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await callPage()).status).toBe(200);
    const readyAgain = await readyRoute(new Request("http://localhost/api/ready"));
    const body = (await readyAgain.json()) as {
      checks: { database: { ok: boolean }; migrations: { ok: boolean } };
    };
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.migrations.ok).toBe(true);
  }, 40_000);
});
