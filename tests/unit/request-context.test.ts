import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { createLogger } from "@/lib/log/logger";
import {
  requestIdFrom,
  runWithRequestContext,
  setRequestWorkspace,
} from "@/lib/log/request-context";

describe("request ids", () => {
  it("keeps a sane incoming id and replaces anything else", () => {
    const id = (value?: string) =>
      requestIdFrom(new Headers(value === undefined ? {} : { "x-request-id": value }));
    expect(id("lb-7f3a9c21-0001")).toBe("lb-7f3a9c21-0001");
    for (const bad of [
      undefined,
      "",
      "short",
      "has space in it",
      "x".repeat(200),
      'a"b-forged-line{}',
    ]) {
      const made = id(bad);
      expect(made).not.toBe(bad);
      expect(made).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("puts the request id and workspace id on every log line inside the request only", () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        callback();
      },
    });
    const log = createLogger({ level: "info", pretty: false }, sink);
    runWithRequestContext({ requestId: "req-12345678" }, () => {
      log.info("before the workspace is known");
      setRequestWorkspace("ws_1");
      log.info({ cookie: "session=secret" }, "after");
    });
    log.info("outside");
    expect(lines[0]).toMatchObject({ requestId: "req-12345678" });
    expect(lines[0]).not.toHaveProperty("workspaceId");
    expect(lines[1]).toMatchObject({
      requestId: "req-12345678",
      workspaceId: "ws_1",
      cookie: "[redacted]",
    });
    expect(lines[2]).not.toHaveProperty("requestId");
  });
});
