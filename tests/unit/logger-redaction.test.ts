import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { parseLogSettings } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";

describe("log settings", () => {
  it("defaults to JSON in production and readable lines in development", () => {
    expect(parseLogSettings({ NODE_ENV: "production" })).toEqual({ level: "info", pretty: false });
    expect(parseLogSettings({ NODE_ENV: "development" })).toEqual({ level: "info", pretty: true });
    expect(parseLogSettings({ NODE_ENV: "development", LOG_FORMAT: "json" }).pretty).toBe(false);
  });

  it("names the variable of a wrong value", () => {
    expect(() => parseLogSettings({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => parseLogSettings({ LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT/);
  });
});

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { sink, text: () => lines.join("") };
}

const SECRETS = ["hunter2-secret", "srm_live_abc", "session=xyz", "tok_123", "postgres://u:pw@h"];

function logSecrets(logger: ReturnType<typeof createLogger>) {
  logger.info(
    {
      password: "hunter2-secret",
      request: { headers: { authorization: "Bearer srm_live_abc", cookie: "session=xyz" } },
      user: { token: "tok_123" },
      DATABASE_URL: "postgres://u:pw@h",
      workspaceId: "ws_1",
    },
    "sign-in",
  );
}

describe("logger", () => {
  it.each([false, true])(
    "never writes credentials, wherever they sit in a logged object (pretty: %s)",
    (pretty) => {
      const { sink, text } = capture();
      logSecrets(createLogger({ level: "info", pretty }, sink));
      expect(text()).toContain("sign-in");
      expect(text()).toContain("ws_1");
      for (const secret of SECRETS) expect(text()).not.toContain(secret);
    },
  );

  it("writes one JSON object per line in production", () => {
    const { sink, text } = capture();
    createLogger({ level: "info", pretty: false }, sink).warn({ requestId: "r1" }, "slow");
    const line = JSON.parse(text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 40, requestId: "r1", msg: "slow" });
  });
});
