import { describe, expect, it } from "vitest";

import {
  databaseAvailability,
  isDatabaseBusyError,
  isDatabaseUnavailableError,
  markDatabaseAvailable,
  markDatabaseUnavailable,
  onDatabaseUnavailable,
} from "@/lib/db/availability";
import { DatabaseUnavailableError, toActionError, toApiErrorResponse } from "@/lib/errors";

describe("which errors mean the database is unreachable", () => {
  it.each([
    ["Prisma: server unreachable", { code: "P1001", message: "Can't reach database server" }],
    ["Prisma: pool timeout", { code: "P2024", message: "Timed out fetching a new connection" }],
    ["socket refused", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    ["server shutting down", { code: "57P01", message: "terminating connection" }],
    ["server starting up", { code: "57P03", message: "the database system is starting up" }],
    ["connection exception class 08", { code: "08006", message: "connection failure" }],
    ["adapter kind", { kind: "DatabaseNotReachable" }],
    [
      "wrapped in a cause",
      new Error("outer", { cause: new Error("Connection terminated unexpectedly") }),
    ],
    ["a new connection not answered in time", new Error("timeout expired")],
  ])("%s", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ["unique violation", { code: "P2002", message: "Unique constraint failed" }],
    ["a bug", new TypeError("x is undefined")],
    ["a syntax error from the server", { code: "42601", message: "syntax error" }],
    ["nothing", null],
    ["every pooled connection busy", new Error("timeout exceeded when trying to connect")],
  ])("not: %s", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });

  it("tells a busy pool apart, also inside a cause", () => {
    const busy = new Error("timeout exceeded when trying to connect");
    expect(isDatabaseBusyError(busy)).toBe(true);
    expect(isDatabaseBusyError(new Error("outer", { cause: busy }))).toBe(true);
    expect(isDatabaseBusyError(new Error("Connection terminated unexpectedly"))).toBe(false);
  });
});

describe("the 503 answer", () => {
  it("maps connection failures to UNAVAILABLE with Retry-After, in one place", async () => {
    const failure = { code: "P1001", message: "Can't reach database server at db:5432" };
    expect(toActionError(failure)).toMatchObject({ code: "UNAVAILABLE", status: 503 });
    const response = toApiErrorResponse(new DatabaseUnavailableError());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
    markDatabaseAvailable();
  });

  it("tracks the state and tells listeners once per outage", () => {
    let calls = 0;
    onDatabaseUnavailable(() => (calls += 1));
    markDatabaseUnavailable("first");
    markDatabaseUnavailable("second");
    expect(databaseAvailability()).toMatchObject({ available: false, reason: "second" });
    expect(calls).toBe(1);
    markDatabaseAvailable();
    expect(databaseAvailability().available).toBe(true);
  });
});
