// A team working at once, measured from outside: the app's production server (as `npm start` runs
// it) on a scratch database holding the demo workspace plus systems imported through the API, under
// a fixed number of clients that each send one request after another.
//
//   npm run bench:load [-- --db postgres|pglite --systems 512 --clients 40 --duration 30
//                          --page-duration 15 --write-share 0.2 --port 3310 --no-pages --keep]
//
// In order:
//  1. Scenario: a scratch database (a new database on DATABASE_URL's server, default the local
//     one; or, with --db pglite, an embedded PGlite held by its own process as the launcher holds
//     it), migrated and seeded with the demo workspace (12 systems). A signed-in member's session
//     cookie, an ADMIN API token.
//  2. Pages on the demo workspace: requests/s, latency and response size of the app shell's pages
//     and of light API routes, one at a time (autocannon, `--clients` connections).
//  3. Import the rest of `--systems` through POST /api/v1/systems/import (CSV, 500 rows a request).
//  4. Phase A, reads only: the overview page, GET /api/v1/systems, /coverage and /gaps, picked at
//     random per request. Phase B: the same with `--write-share` writes: duty updates (owner,
//     status or due date with the part's expectedVersion: a 409 is a correct answer and counted
//     apart) and evidence links (a new link evidence created linked to a part, or an existing
//     item linked to another part). During phase B a probe gives a member of its own one more
//     duty at a time and reloads the overview until that member's row in "Open duties by owner"
//     shows it: the delay until a write is visible there.
//  5. Deadlocks in the server's log (40P01 / "deadlock detected") per phase, and every
//     acknowledged write checked against the database: "lost writes: N".
// Results go to bench/results-load-<db>[-<systems>].json as well.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { migrate, ROOT, seed } from "../scripts/lib/runtime";
import { createTestDatabase } from "../tests/support/test-database";
import {
  type AppServer,
  type AutocannonFigures,
  autocannonRun,
  ensureCurrentBuild,
  percentile,
  roundMs,
  sessionCookie,
  startAppServer,
} from "./_server";
import { MODELS } from "./coverage-data";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    systems: { type: "string", default: "512" },
    clients: { type: "string", default: "40" },
    duration: { type: "string", default: "30" },
    "page-duration": { type: "string", default: "15" },
    "write-share": { type: "string", default: "0.2" },
    port: { type: "string" },
    "no-pages": { type: "boolean", default: false },
    // keep the scratch PostgreSQL database (prints its URL)
    keep: { type: "boolean", default: false },
  },
});

function positive(name: string, text: string | undefined, integer = true): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
    throw new Error(`--${name} expects a positive ${integer ? "whole " : ""}number, got "${text}"`);
  return value;
}

const DB = values.db!;
if (DB !== "postgres" && DB !== "pglite") throw new Error("--db is postgres or pglite");
const SYSTEMS = positive("systems", values.systems);
const CLIENTS = positive("clients", values.clients);
const DURATION = positive("duration", values.duration, false);
const PAGE_DURATION = positive("page-duration", values["page-duration"], false);
const WRITE_SHARE = Number(values["write-share"]);
if (!(WRITE_SHARE >= 0 && WRITE_SHARE <= 1)) throw new Error("--write-share is between 0 and 1");

const DEMO_SLUG = "demo";
const IMPORT_CHUNK = 500;
const REQUEST_TIMEOUT_MS = 120_000;
const PROBE_TIMEOUT_MS = 60_000;
const PROBE_NAME = "Load probe";
/** Writes go to this many "hot" duties half of the time, so concurrent edits of one duty happen. */
const HOT_DUTIES = 50;
const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED"] as const;

const print = (line = "") => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

// ---------------------------------------------------------------------------------------------
// Formatting

function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [
    headers,
    ...rows.map((row) => row.map((cell) => (cell === null ? "–" : `${cell}`))),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  "),
    )
    .join("\n");
}

const ms = (value: number | null) => (value === null ? "–" : value.toFixed(0));

// ---------------------------------------------------------------------------------------------
// Scratch database

type Scratch = { url: string; drop: () => Promise<void> };

async function scratchDatabase(): Promise<Scratch> {
  if (DB === "postgres") {
    process.env.TEST_DATABASE_URL =
      process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const database = await createTestDatabase("srm_bench_load");
    return {
      url: database.url,
      drop: values.keep
        ? async () => {
            print(`kept the scratch database ${database.url}`);
          }
        : async () => {
            await database.drop();
          },
    };
  }
  // PGlite on disk in its own process, as `npm start` without DATABASE_URL holds it.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "srm-bench-load-pglite-"));
  const host = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "_embedded-host.ts"), dataDir],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    host.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^url (\S+)$/m.exec(output);
      if (match) resolve(match[1]!);
    });
    host.once("exit", (code) => reject(new Error(`the embedded database exited (${code})`)));
  });
  const drop = async () => {
    await stopChild(host);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrate({ ...process.env, DATABASE_URL: url });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Requests

type Endpoint = { label: string; method: string; path: string };
type Sample = {
  label: string;
  ms: number;
  status: number; // 0: no answer (connection error or timeout)
  bytes: number;
  endedAt: number;
};

type Http = {
  base: string;
  bearer: Record<string, string>;
  cookie: Record<string, string>;
};

async function send(
  http: Http,
  endpoint: Endpoint,
  options: { headers: Record<string, string>; body?: unknown },
): Promise<{ sample: Sample; text: string }> {
  const started = performance.now();
  let status = 0;
  let text = "";
  try {
    const response = await fetch(`${http.base}${endpoint.path}`, {
      method: endpoint.method,
      headers: {
        ...options.headers,
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      redirect: "manual",
    });
    text = await response.text();
    status = response.status;
  } catch {
    status = 0;
  }
  const endedAt = performance.now();
  return {
    sample: {
      label: endpoint.label,
      ms: endedAt - started,
      status,
      bytes: Buffer.byteLength(text),
      endedAt,
    },
    text,
  };
}

// ---------------------------------------------------------------------------------------------
// Write bookkeeping: what the server acknowledged, checked against the database afterwards

type DutyField = "ownerId" | "status" | "dueDate";
type DutyAck = { dutyId: string; field: DutyField; value: string | null; version: number };
type LinkAck = { evidenceId: string; dutyId: string };
type Unknown = { dutyId: string; field: DutyField; value: string | null };

type Ledger = {
  versions: Map<string, number>;
  dutyAcks: DutyAck[];
  linkAcks: LinkAck[];
  /** Writes that got no answer or a 5xx: they may or may not have been applied. */
  unknown: Unknown[];
  unknownLinks: number;
  conflicts: number;
  evidence: string[];
  /** Duties whose version could not be reloaded after a failed write: left alone from then on. */
  blocked: Set<string>;
};

type Scenario = {
  http: Http;
  slug: string;
  workspaceId: string;
  owners: (string | null)[];
  parts: string[];
  hotDuties: string[];
  probeParts: string[];
  probeUserId: string;
  /** The system of each duty, to reload it through the API. */
  systemOf: Map<string, string>;
};

type PhaseResult = {
  name: string;
  clients: number;
  durationSeconds: number;
  writeShare: number;
  requests: number;
  requestsPerSecond: number;
  endpoints: {
    label: string;
    count: number;
    requestsPerSecond: number;
    p50Ms: number | null;
    p95Ms: number | null;
    maxMs: number | null;
    status: { "2xx": number; "409": number; "4xx": number; "5xx": number; other: number };
    meanBytes: number | null;
  }[];
  status: { "2xx": number; "409": number; "4xx": number; "5xx": number; other: number };
  /** Every answer that was not 2xx, by status code (0: no answer). */
  codes: Record<string, number>;
  deadlocksInLog: number;
  loadAverageAtEnd: number[];
};

function summarise(
  name: string,
  samples: Sample[],
  window: { start: number; end: number },
  writeShare: number,
  deadlocks: number,
): PhaseResult {
  const seconds = (window.end - window.start) / 1000;
  const classes = (list: Sample[]) => ({
    "2xx": list.filter((s) => s.status >= 200 && s.status < 300).length,
    "409": list.filter((s) => s.status === 409).length,
    "4xx": list.filter((s) => s.status >= 400 && s.status < 500 && s.status !== 409).length,
    "5xx": list.filter((s) => s.status >= 500).length,
    // no answer (connection error, timeout) or a redirect (e.g. to the sign-in page)
    other: list.filter((s) => s.status === 0 || (s.status >= 300 && s.status < 400)).length,
  });
  const inWindow = (list: Sample[]) => list.filter((s) => s.endedAt <= window.end).length;
  // Reads in their fixed order, then the writes.
  const order = [
    ...readEndpoints(DEMO_SLUG).map((e) => e.label),
    PATCH_DUTY.label,
    CREATE_EVIDENCE.label,
    LINK_EVIDENCE.label,
  ];
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  const labels = [...new Set(samples.map((s) => s.label))].sort((a, b) => rank(a) - rank(b));
  return {
    name,
    clients: CLIENTS,
    durationSeconds: DURATION,
    writeShare,
    requests: samples.length,
    requestsPerSecond: Math.round((inWindow(samples) / seconds) * 10) / 10,
    endpoints: labels.map((label) => {
      const list = samples.filter((s) => s.label === label);
      const latencies = list.map((s) => s.ms);
      return {
        label,
        count: list.length,
        requestsPerSecond: Math.round((inWindow(list) / seconds) * 10) / 10,
        p50Ms: roundMs(percentile(latencies, 0.5)),
        p95Ms: roundMs(percentile(latencies, 0.95)),
        maxMs: roundMs(percentile(latencies, 1)),
        status: classes(list),
        meanBytes: Math.round(list.reduce((sum, s) => sum + s.bytes, 0) / list.length),
      };
    }),
    status: classes(samples),
    codes: Object.fromEntries(
      [...new Set(samples.map((s) => s.status))]
        .filter((code) => code < 200 || code >= 300)
        .sort((a, b) => a - b)
        .map((code) => [String(code), samples.filter((s) => s.status === code).length]),
    ),
    deadlocksInLog: deadlocks,
    loadAverageAtEnd: loadAverage(),
  };
}

function printPhase(phase: PhaseResult) {
  print();
  print(
    `${phase.name}: ${phase.clients} clients, ${phase.durationSeconds} s, ` +
      `${Math.round(phase.writeShare * 100)} % writes: ${phase.requests} requests, ` +
      `${phase.requestsPerSecond} requests/s`,
  );
  const row = (
    label: string,
    e: Pick<PhaseResult["endpoints"][number], "count" | "requestsPerSecond" | "p50Ms" | "p95Ms">,
    s: PhaseResult["status"],
  ) => [
    label,
    e.count,
    e.requestsPerSecond.toFixed(1),
    ms(e.p50Ms),
    ms(e.p95Ms),
    s["2xx"],
    s["409"],
    s["4xx"],
    s["5xx"],
    s.other,
  ];
  print(
    table(
      ["endpoint", "count", "req/s", "p50 ms", "p95 ms", "2xx", "409", "4xx", "5xx", "other"],
      phase.endpoints.map((e) => row(e.label, e, e.status)),
    ),
  );
  print(
    `status classes: 2xx ${phase.status["2xx"]}, 409 ${phase.status["409"]}, other 4xx ` +
      `${phase.status["4xx"]}, 5xx ${phase.status["5xx"]}, no answer or redirect ${phase.status.other}; ` +
      `deadlocks in the server log: ${phase.deadlocksInLog}; load average ${phase.loadAverageAtEnd.join(" ")}`,
  );
  const codes = Object.entries(phase.codes);
  if (codes.length > 0)
    print(
      `answers other than 2xx by code: ${codes.map(([code, n]) => `${code === "0" ? "none" : code} ×${n}`).join(", ")}`,
    );
}

// ---------------------------------------------------------------------------------------------
// The overview probe

/** Parts in the probe member's row of "Open duties by owner" on the overview page (0: no row). */
function probeCount(html: string): number | null {
  if (!html.includes('data-testid="coverage-value"')) return null;
  const row = new RegExp(`>${PROBE_NAME}</a></th><td[^>]*>(\\d+)</td><td[^>]*>(\\d+)</td>`).exec(
    html,
  );
  return row ? Number(row[2]) : 0;
}

type ProbeStep = {
  delayMs: number | null;
  polls: number;
  firstPollShowed: boolean;
  ack: DutyAck;
};

/** Gives the probe member one more duty, then reloads the overview until it shows `expected`. */
async function probeStep(
  scenario: Scenario,
  ledger: Ledger,
  dutyId: string,
  expected: number,
  samples: Sample[],
): Promise<ProbeStep | { failedStatus: number }> {
  const { http } = scenario;
  const write = await send(
    http,
    {
      label: "probe: PATCH duty owner",
      method: "PATCH",
      path: `/api/v1/duties/${dutyId}`,
    },
    {
      headers: http.bearer,
      body: { expectedVersion: ledger.versions.get(dutyId), ownerId: scenario.probeUserId },
    },
  );
  samples.push(write.sample);
  if (write.sample.status !== 200) return { failedStatus: write.sample.status };
  const ack: DutyAck = {
    dutyId,
    field: "ownerId",
    value: scenario.probeUserId,
    version: (JSON.parse(write.text) as { version: number }).version,
  };
  const acknowledged = write.sample.endedAt;
  for (let polls = 1; ; polls += 1) {
    const poll = await send(
      http,
      { label: "probe: GET overview", method: "GET", path: `/w/${scenario.slug}` },
      { headers: http.cookie },
    );
    samples.push(poll.sample);
    const count = poll.sample.status === 200 ? probeCount(poll.text) : null;
    if (count !== null && count >= expected)
      return {
        delayMs: poll.sample.endedAt - acknowledged,
        polls,
        firstPollShowed: polls === 1,
        ack,
      };
    if (performance.now() - acknowledged > PROBE_TIMEOUT_MS)
      return { delayMs: null, polls, firstPollShowed: false, ack };
    await sleep(100);
  }
}

/** The probe member's duties, from GET /api/v1/duties (null after three failures). */
async function probeRecount(scenario: Scenario, samples: Sample[]): Promise<number | null> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const { sample, text } = await send(
      scenario.http,
      {
        label: "probe: GET /api/v1/duties (recount)",
        method: "GET",
        path: `/api/v1/duties?owner=${scenario.probeUserId}`,
      },
      { headers: scenario.http.bearer },
    );
    samples.push(sample);
    if (sample.status === 200) return (JSON.parse(text) as { total: number }).total;
    await sleep(500);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Phases

function readEndpoints(slug: string): Endpoint[] {
  return [
    { label: `GET /w/${slug} (overview page)`, method: "GET", path: `/w/${slug}` },
    { label: "GET /api/v1/systems", method: "GET", path: "/api/v1/systems" },
    { label: "GET /api/v1/coverage", method: "GET", path: "/api/v1/coverage" },
    { label: "GET /api/v1/gaps", method: "GET", path: "/api/v1/gaps" },
  ];
}

const PATCH_DUTY: Omit<Endpoint, "path"> = {
  label: "PATCH /api/v1/duties/{id}",
  method: "PATCH",
};
const CREATE_EVIDENCE: Endpoint = {
  label: "POST /api/v1/evidence (linked to a part)",
  method: "POST",
  path: "/api/v1/evidence",
};
const LINK_EVIDENCE: Omit<Endpoint, "path"> = {
  label: "PUT /api/v1/evidence/{id}/duties/{id}",
  method: "PUT",
};

function randomDay(): string {
  const day = new Date(Date.now() + (1 + Math.floor(Math.random() * 365)) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * What an editor does when a save got no answer: reload the duty (its system's detail, through
 * the API) to learn its version. Gives up after three failed reloads.
 */
async function reloadVersion(
  scenario: Scenario,
  ledger: Ledger,
  dutyId: string,
  samples: Sample[],
): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const { sample, text } = await send(
      scenario.http,
      {
        label: "GET /api/v1/systems/{id} (reload after a failed write)",
        method: "GET",
        path: `/api/v1/systems/${scenario.systemOf.get(dutyId)}`,
      },
      { headers: scenario.http.bearer },
    );
    samples.push(sample);
    if (sample.status === 200) {
      const detail = JSON.parse(text) as {
        domains: { parts: { id: string; version: number }[] }[];
      };
      const part = detail.domains.flatMap((d) => d.parts).find((p) => p.id === dutyId);
      if (part) {
        ledger.versions.set(dutyId, part.version);
        return;
      }
    }
    await sleep(500);
  }
  ledger.blocked.add(dutyId);
}

function pickDuty(scenario: Scenario, ledger: Ledger): string {
  for (;;) {
    const dutyId = Math.random() < 0.5 ? pick(scenario.hotDuties) : pick(scenario.parts);
    if (!ledger.blocked.has(dutyId)) return dutyId;
  }
}

async function oneWrite(scenario: Scenario, ledger: Ledger, samples: Sample[]) {
  const { http } = scenario;
  const dutyId = pickDuty(scenario, ledger);
  const kind = Math.random();
  if (kind < 0.7) {
    const field = pick(["ownerId", "status", "dueDate"] as const);
    const value =
      field === "ownerId"
        ? pick(scenario.owners)
        : field === "status"
          ? pick(STATUSES)
          : randomDay();
    const { sample, text } = await send(
      http,
      { ...PATCH_DUTY, path: `/api/v1/duties/${dutyId}` },
      {
        headers: http.bearer,
        body: { expectedVersion: ledger.versions.get(dutyId), [field]: value },
      },
    );
    samples.push(sample);
    if (sample.status === 200) {
      const answer = JSON.parse(text) as { version: number };
      ledger.dutyAcks.push({ dutyId, field, value, version: answer.version });
      if (answer.version > (ledger.versions.get(dutyId) ?? 0))
        ledger.versions.set(dutyId, answer.version);
    } else if (sample.status === 409) {
      // Another client's write won; its acknowledgement brings the shared version map up to date.
      ledger.conflicts += 1;
    } else if (sample.status === 0 || sample.status >= 500) {
      // Applied or not, nobody will tell: reload the duty for its version.
      ledger.unknown.push({ dutyId, field, value });
      await reloadVersion(scenario, ledger, dutyId, samples);
    }
    return;
  }
  if (kind < 0.85 || ledger.evidence.length === 0) {
    const n = randomBytes(4).toString("hex");
    const { sample, text } = await send(http, CREATE_EVIDENCE, {
      headers: http.bearer,
      body: {
        kind: "LINK",
        title: `Load evidence ${n}`,
        url: `https://example.com/load/${n}`,
        dutyIds: [dutyId],
      },
    });
    samples.push(sample);
    if (sample.status === 201) {
      const evidenceId = (JSON.parse(text) as { id: string }).id;
      ledger.linkAcks.push({ evidenceId, dutyId });
      ledger.evidence.push(evidenceId);
    } else if (sample.status === 0 || sample.status >= 500) ledger.unknownLinks += 1;
    return;
  }
  const evidenceId = pick(ledger.evidence);
  const { sample } = await send(
    http,
    { ...LINK_EVIDENCE, path: `/api/v1/evidence/${evidenceId}/duties/${dutyId}` },
    { headers: http.bearer },
  );
  samples.push(sample);
  if (sample.status === 200) ledger.linkAcks.push({ evidenceId, dutyId });
  else if (sample.status === 0 || sample.status >= 500) ledger.unknownLinks += 1;
}

async function runPhase(input: {
  name: string;
  scenario: Scenario;
  ledger: Ledger;
  writeShare: number;
  probe?: {
    parts: string[];
    /** Duties the probe member has now (what the overview shows once it is up to date). */
    owned: number;
    steps: ProbeStep[];
    failedWrites: number[];
    samples: Sample[];
  };
  logFile: string;
}): Promise<PhaseResult> {
  const { scenario } = input;
  const reads = readEndpoints(scenario.slug);
  const samples: Sample[] = [];
  const logFrom = statSync(input.logFile).size;
  const start = performance.now();
  const end = start + DURATION * 1000;
  const client = async () => {
    while (performance.now() < end) {
      if (Math.random() < input.writeShare) {
        await oneWrite(scenario, input.ledger, samples);
      } else {
        const endpoint = pick(reads);
        const { sample } = await send(scenario.http, endpoint, {
          headers: endpoint.path.startsWith("/api/") ? scenario.http.bearer : scenario.http.cookie,
        });
        samples.push(sample);
      }
    }
  };
  const probe = async () => {
    const state = input.probe;
    if (!state) return;
    for (const dutyId of state.parts) {
      if (performance.now() >= end) break;
      const step = await probeStep(scenario, input.ledger, dutyId, state.owned + 1, state.samples);
      if ("failedStatus" in step) {
        // Applied or not, nobody will tell: count the probe member's duties again (through the
        // API), or stop probing when that fails too.
        state.failedWrites.push(step.failedStatus);
        const owned = await probeRecount(scenario, state.samples);
        if (owned === null) break;
        state.owned = owned;
      } else {
        state.steps.push(step);
        state.owned += 1;
      }
      await sleep(500);
    }
  };
  await Promise.all([...Array.from({ length: CLIENTS }, client), probe()]);
  // Server log lines written while the phase ran (and its last requests finished).
  const log = readFileSync(input.logFile).subarray(logFrom).toString();
  return summarise(input.name, samples, { start, end }, input.writeShare, countDeadlocks(log));
}

function countDeadlocks(log: string): number {
  return log.split("\n").filter((line) => /40P01|deadlock detected/i.test(line)).length;
}

/**
 * Database trouble named in the server log, counted per line by kind (an error may be logged on
 * more than one line): what the 5xx answers were.
 */
function databaseErrors(log: string): { message: string; lines: number }[] {
  const kinds: [RegExp, (match: RegExpExecArray) => string][] = [
    [/Code: `(\w+)`\. Message: `([^`]+)`/, (m) => `${m[1]} ${m[2]}`],
    [/Transaction API error: [^".\\]+/, (m) => m[0]],
    [
      /bind message supplies \d+ parameters?, but prepared statement/,
      () => 'bind message supplies N parameters, but prepared statement "" requires M',
    ],
    [/unnamed prepared statement does not exist/, (m) => m[0]],
    [/"msg":"(database unreachable[^"]*|database unavailable)"/, (m) => m[1]!],
  ];
  const counts = new Map<string, number>();
  for (const line of log.split("\n")) {
    for (const [pattern, label] of kinds) {
      const match = pattern.exec(line);
      if (!match) continue;
      const message = label(match);
      counts.set(message, (counts.get(message) ?? 0) + 1);
      break;
    }
  }
  return [...counts]
    .map(([message, lines]) => ({ message, lines }))
    .sort((a, b) => b.lines - a.lines);
}

// ---------------------------------------------------------------------------------------------
// Pages on the demo workspace

type PageResult = AutocannonFigures & { label: string; path: string; bodyBytes: number };

async function measurePages(http: Http, slug: string): Promise<PageResult[]> {
  const targets: { label: string; path: string; headers: Record<string, string> }[] = [
    { label: "settings page", path: `/w/${slug}/settings`, headers: http.cookie },
    { label: "overview page", path: `/w/${slug}`, headers: http.cookie },
    { label: "systems list page", path: `/w/${slug}/systems`, headers: http.cookie },
    { label: "heat map page", path: `/w/${slug}/coverage/heatmap`, headers: http.cookie },
    { label: "gaps page", path: `/w/${slug}/gaps`, headers: http.cookie },
    { label: "duties page", path: `/w/${slug}/duties`, headers: http.cookie },
    { label: "my duties page", path: `/w/${slug}/my-duties`, headers: http.cookie },
    { label: "About page", path: "/about", headers: http.cookie },
    { label: "GET /api/health", path: "/api/health", headers: {} },
    { label: "GET /api/v1/workspace", path: "/api/v1/workspace", headers: http.bearer },
    {
      label: "GET /api/v1/systems?pageSize=50",
      path: "/api/v1/systems?pageSize=50",
      headers: http.bearer,
    },
  ];
  const results: PageResult[] = [];
  print();
  print(
    `pages on the demo workspace: ${CLIENTS} connections, ${PAGE_DURATION} s each (autocannon)`,
  );
  for (const target of targets) {
    // The body as a browser gets it (decompressed), checked to be a real answer first.
    const { sample, text } = await send(
      http,
      { label: target.label, method: "GET", path: target.path },
      { headers: target.headers },
    );
    if (sample.status !== 200)
      throw new Error(`${target.path} answered HTTP ${sample.status}: ${text.slice(0, 200)}`);
    const figures = await autocannonRun({
      url: `${http.base}${target.path}`,
      headers: target.headers,
      connections: CLIENTS,
      duration: PAGE_DURATION,
    });
    results.push({ ...figures, label: target.label, path: target.path, bodyBytes: sample.bytes });
    print(
      `  ${target.label}: ${figures.requestsPerSecond} requests/s, p50 ${ms(figures.medianMs)} ms, ` +
        `p95 ${ms(figures.p95Ms)} ms, ${(sample.bytes / 1024).toFixed(1)} KB, non-2xx ${figures.non2xx}`,
    );
  }
  return results;
}

function printPages(pages: PageResult[]) {
  print();
  print(`where the cost is (demo workspace, ${CLIENTS} connections, ${PAGE_DURATION} s each):`);
  print(
    table(
      ["target", "req/s", "p50 ms", "p95 ms", "body KB", "> 60 KB", "non-2xx", "errors"],
      pages.map((p) => [
        p.label,
        p.requestsPerSecond.toFixed(1),
        ms(p.medianMs),
        ms(p.p95Ms),
        (p.bodyBytes / 1024).toFixed(1),
        p.bodyBytes > 60 * 1024 ? "yes" : "no",
        p.non2xx,
        p.errors,
      ]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Import through the API

function systemsCsv(count: number, offset: number): string {
  const rows = ["name,primary_model,additional_models,risk_tier,lifecycle,tags"];
  const tiers = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
  const lifecycles = ["PRODUCTION", "PRODUCTION", "PILOT", "PLANNED"];
  for (let i = offset; i < offset + count; i += 1) {
    const primary = MODELS[i % MODELS.length]!;
    const additional = i % 3 === 0 ? MODELS[(i + 3) % MODELS.length]! : "";
    rows.push(
      `Load system ${String(i + 1).padStart(5, "0")},${primary},${additional},` +
        `${tiers[i % tiers.length]},${lifecycles[i % lifecycles.length]},load;team-${i % 10}`,
    );
  }
  return `${rows.join("\n")}\n`;
}

async function importSystems(http: Http, count: number): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < count; offset += IMPORT_CHUNK) {
    const { sample, text } = await send(
      http,
      { label: "import", method: "POST", path: "/api/v1/systems/import" },
      {
        headers: http.bearer,
        body: { csv: systemsCsv(Math.min(IMPORT_CHUNK, count - offset), offset) },
      },
    );
    if (sample.status !== 201)
      throw new Error(`the import answered HTTP ${sample.status}: ${text.slice(0, 500)}`);
  }
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const authSecret = randomBytes(32).toString("hex");
  process.env.AUTH_SECRET = authSecret;
  const loadAtStart = loadAverage();
  print(
    `bench:load on ${DB}, load average at start ${loadAtStart.join(" ")} (${os.cpus().length} CPUs)`,
  );
  print(`creating a scratch ${DB} database …`);
  const database = await scratchDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "srm-bench-load-data-"));
  const logFile = path.join(os.tmpdir(), `srm-bench-load-${DB}-${process.pid}.log`);
  let server: AppServer | undefined;
  try {
    // The demo evidence files go to the server's data directory, not the checkout's .data/.
    await seed({
      ...process.env,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SEED_DEMO: "true",
      NODE_ENV: "production",
    });
    // The bench's own connections (set-up, bookkeeping, checks) stay few.
    process.env.DATABASE_URL = database.url;
    process.env.DATABASE_POOL_SIZE = "3";
    const { db } = await import("@/lib/db/client");
    const { createApiToken } = await import("@/lib/server/tokens/create-api-token");
    const { SYSTEM_ACTOR } = await import("@/lib/server/audit/record-audit-event");

    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const members = await db.membership.findMany({
      where: { workspaceId: workspace.id },
      include: { user: true },
    });
    const owner = members.find((m) => m.role === "OWNER")!.user;
    const reader = await db.user.create({
      data: { email: "load-reader@example.com", name: "Load reader" },
    });
    const probeUser = await db.user.create({
      data: { email: "load-probe@example.com", name: PROBE_NAME },
    });
    await db.membership.createMany({
      data: [
        { workspaceId: workspace.id, userId: reader.id, role: "VIEWER" },
        { workspaceId: workspace.id, userId: probeUser.id, role: "EDITOR" },
      ],
    });
    const token = await createApiToken({
      workspaceId: workspace.id,
      actor: SYSTEM_ACTOR,
      actorRole: "OWNER",
      createdById: owner.id,
      name: "bench:load",
      role: "ADMIN",
      expiresAt: null,
    });
    const demoSystems = await db.aiSystem.count({ where: { workspaceId: workspace.id } });

    await ensureCurrentBuild(print);
    const port = values.port ? positive("port", values.port) : await freePort();
    writeFileSync(logFile, "");
    server = await startAppServer({
      databaseUrl: database.url,
      authSecret,
      port,
      logFile,
      env: { DATA_DIR: dataDir },
    });
    print(`server on ${server.base} (log: ${logFile})`);
    const http: Http = {
      base: server.base,
      bearer: { authorization: `Bearer ${token.secret}` },
      cookie: { cookie: await sessionCookie({ user: reader, authSecret }) },
    };

    const pages = values["no-pages"] ? [] : await measurePages(http, workspace.slug);

    const toImport = Math.max(0, SYSTEMS - demoSystems);
    const importSeconds = toImport > 0 ? await importSystems(http, toImport) : 0;
    const dutyRows = await db.$queryRaw<
      { id: string; version: number; systemId: string; systemName: string }[]
    >`
      SELECT p.id, p.version, p."systemId", s.name AS "systemName" FROM "Duty" p
      JOIN "AiSystem" s ON s.id = p."systemId"
      WHERE p."workspaceId" = ${workspace.id} AND s."archivedAt" IS NULL AND s.lifecycle <> 'RETIRED'
        AND p.side = 'CUSTOMER'
      ORDER BY p.id`;
    const [counts] = await db.$queryRaw<{ systems: number; parts: number }[]>`
      SELECT (SELECT count(*)::int FROM "AiSystem" WHERE "workspaceId" = ${workspace.id}) AS systems,
             (SELECT count(*)::int FROM "Duty" WHERE "workspaceId" = ${workspace.id}) AS parts`;
    const { systems, parts } = counts!;
    print();
    print(
      `scenario: ${systems} systems (${demoSystems} demo + ${toImport} imported through ` +
        `POST /api/v1/systems/import in ${Math.ceil(toImport / IMPORT_CHUNK)} requests, ` +
        `${importSeconds.toFixed(1)} s), ${parts} duty parts (${dutyRows.length} customer parts of active systems)`,
    );

    // The probe's duties: unowned parts of imported systems that no other client touches.
    const shuffled = [...dutyRows].sort(() => Math.random() - 0.5);
    const probeParts = shuffled
      .filter((p) => p.systemName.startsWith("Load system"))
      .slice(0, 100)
      .map((p) => p.id);
    const probeSet = new Set(probeParts);
    const loadDuties = shuffled.filter((p) => !probeSet.has(p.id)).map((p) => p.id);
    if (probeParts.length < 2) throw new Error("the probe needs imported systems (--systems > 12)");
    const scenario: Scenario = {
      http,
      slug: workspace.slug,
      workspaceId: workspace.id,
      owners: [...members.map((m) => m.userId), null],
      parts: loadDuties,
      hotDuties: loadDuties.slice(0, HOT_DUTIES),
      probeParts,
      probeUserId: probeUser.id,
      systemOf: new Map(dutyRows.map((p) => [p.id, p.systemId])),
    };
    const ledger: Ledger = {
      versions: new Map(dutyRows.map((p) => [p.id, p.version])),
      dutyAcks: [],
      linkAcks: [],
      unknown: [],
      unknownLinks: 0,
      conflicts: 0,
      blocked: new Set(),
      evidence: (
        await db.evidence.findMany({
          where: { workspaceId: workspace.id, deletedAt: null, supersededAt: null },
          select: { id: true },
        })
      ).map((e) => e.id),
    };

    // Warm-up (every read once), and the probe once with nothing else running: this checks that
    // the overview shows the probe's row at all, and gives the delay without load.
    for (const endpoint of readEndpoints(workspace.slug)) {
      for (let attempt = 1; ; attempt += 1) {
        const { sample } = await send(http, endpoint, {
          headers: endpoint.path.startsWith("/api/") ? http.bearer : http.cookie,
        });
        if (sample.status === 200) break;
        if (attempt === 3) throw new Error(`${endpoint.path} answered HTTP ${sample.status}`);
      }
    }
    const idleProbe = await probeStep(scenario, ledger, probeParts[0]!, 1, []);
    if ("failedStatus" in idleProbe)
      throw new Error(`the probe's write failed without load (HTTP ${idleProbe.failedStatus})`);
    if (idleProbe.delayMs === null)
      throw new Error("the probe's write never showed on the overview without load");
    print(
      `probe without load: a new duty of "${PROBE_NAME}" showed on the overview after ` +
        `${idleProbe.delayMs.toFixed(0)} ms (${idleProbe.polls} overview request(s))`,
    );

    const phaseA = await runPhase({
      name: "phase A (reads only)",
      scenario,
      ledger,
      writeShare: 0,
      logFile,
    });
    printPhase(phaseA);
    await sleep(2000);
    const probeSteps: ProbeStep[] = [];
    const probeSamples: Sample[] = [];
    const probeFailures: number[] = [];
    const phaseB = await runPhase({
      name: `phase B (${Math.round(WRITE_SHARE * 100)} % writes)`,
      scenario,
      ledger,
      writeShare: WRITE_SHARE,
      probe: {
        parts: probeParts.slice(1),
        owned: 1,
        steps: probeSteps,
        failedWrites: probeFailures,
        samples: probeSamples,
      },
      logFile,
    });
    printPhase(phaseB);
    const ratio =
      phaseA.requestsPerSecond > 0
        ? Math.round((phaseB.requestsPerSecond / phaseA.requestsPerSecond) * 100) / 100
        : null;
    print(`throughput phase B / phase A: ${ratio}×`);

    // The probe: a write until it shows on the overview.
    const delays = probeSteps.flatMap((s) => (s.delayMs === null ? [] : [s.delayMs]));
    const visibility = {
      steps: probeSteps.length,
      shown: delays.length,
      notShownWithinTimeout: probeSteps.length - delays.length,
      failedProbeWrites: probeFailures,
      medianMs: roundMs(percentile(delays, 0.5)),
      maxMs: roundMs(delays.length ? Math.max(...delays) : null),
      firstReloadShowed: probeSteps.filter((s) => s.firstPollShowed).length,
      idleMs: roundMs(idleProbe.delayMs),
      overviewPollP50Ms: roundMs(
        percentile(
          probeSamples.filter((s) => s.label === "probe: GET overview").map((s) => s.ms),
          0.5,
        ),
      ),
    };
    print(
      `a write shows on the overview within: median ${ms(visibility.medianMs)} ms, max ` +
        `${ms(visibility.maxMs)} ms over ${visibility.steps} probe writes (${visibility.notShownWithinTimeout} ` +
        `not shown within ${PROBE_TIMEOUT_MS / 1000} s; the first reload after the write showed it ` +
        `${visibility.firstReloadShowed} times; one overview request took ${ms(visibility.overviewPollP50Ms)} ms ` +
        `at the median meanwhile; without load ${ms(visibility.idleMs)} ms)` +
        (probeFailures.length > 0
          ? `; ${probeFailures.length} probe writes failed (HTTP ${probeFailures.join(", ")})`
          : ""),
    );

    // Every acknowledged write against the database, once the server is quiet.
    await sleep(1000);
    const verification = await verify(db, scenario, ledger, [
      idleProbe.ack,
      ...probeSteps.map((step) => step.ack),
    ]);
    print(
      `acknowledged writes checked against the database: ${verification.dutyFields} duty fields ` +
        `(from ${verification.dutyAcks} acknowledged updates, ${ledger.conflicts} answered 409), ` +
        `${verification.links} evidence links; ${verification.unknown} writes without an answer or with a 5xx`,
    );
    print(`lost writes: ${verification.lost}`);
    for (const line of verification.examples) print(`  ${line}`);

    const serverLog = readFileSync(logFile, "utf8");
    const totalDeadlocks = countDeadlocks(serverLog);
    const logErrors = databaseErrors(serverLog);
    print(`deadlocks in the whole server log: ${totalDeadlocks} (${logFile})`);
    if (logErrors.length > 0) {
      print("database errors in the server log (lines):");
      for (const e of logErrors) print(`  ${String(e.lines).padStart(4)}  ${e.message}`);
    }
    if (pages.length > 0) printPages(pages);
    const loadAtEnd = loadAverage();
    print();
    print(`load average: ${loadAtStart.join(" ")} at start, ${loadAtEnd.join(" ")} at the end`);

    const results = {
      database: DB,
      systems,
      parts,
      customerDutiesOfActiveSystems: dutyRows.length,
      scenario:
        `demo workspace (seed, ${demoSystems} systems) + ${toImport} systems imported through ` +
        `POST /api/v1/systems/import (${IMPORT_CHUNK} rows a request, ${importSeconds.toFixed(1)} s)`,
      clients: CLIENTS,
      durationSeconds: DURATION,
      writeShare: WRITE_SHARE,
      writeMix:
        "70 % PATCH of a duty (owner, status or due date, one at random, with expectedVersion), " +
        "15 % POST /api/v1/evidence linked to the duty, 15 % PUT of an existing evidence item's link; " +
        `half of the writes go to ${HOT_DUTIES} hot duties`,
      phases: { A: phaseA, B: phaseB },
      throughputRatioBtoA: ratio,
      visibility,
      verification: { ...verification, conflicts: ledger.conflicts },
      deadlocksInLog: totalDeadlocks,
      databaseErrorsInLog: logErrors,
      pages,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      cpus: os.cpus().length,
      measuredAt: new Date().toISOString(),
    };
    const file = path.join(
      __dirname,
      `results-load-${DB}${SYSTEMS === 512 ? "" : `-${SYSTEMS}`}.json`,
    );
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    print(`results: ${path.relative(ROOT, file)}`);
    await db.$disconnect();
  } finally {
    await server?.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A read of the check, tried again when the database refuses it for a moment. */
async function retry<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt === 5) throw error;
      await sleep(1000);
    }
  }
}

type Verification = {
  dutyAcks: number;
  dutyFields: number;
  links: number;
  unknown: number;
  lost: number;
  examples: string[];
};

async function verify(
  db: (typeof import("@/lib/db/client"))["db"],
  scenario: Scenario,
  ledger: Ledger,
  probeAcks: DutyAck[],
): Promise<Verification> {
  const acks = [...ledger.dutyAcks, ...probeAcks];
  // Per duty and field, the acknowledged write with the highest version is the one that must
  // hold: later versions came from writes to other fields (which leave this one as it was).
  const latest = new Map<string, DutyAck>();
  for (const ack of acks) {
    const key = `${ack.dutyId}:${ack.field}`;
    const seen = latest.get(key);
    if (!seen || ack.version > seen.version) latest.set(key, ack);
  }
  // A write without an answer may have been applied after the acknowledged one: its value is
  // accepted too (it cannot be told apart).
  const maybe = new Map<string, Set<string | null>>();
  for (const u of ledger.unknown) {
    const key = `${u.dutyId}:${u.field}`;
    if (!maybe.has(key)) maybe.set(key, new Set());
    maybe.get(key)!.add(u.value);
  }
  const ids = [...new Set([...latest.values()].map((a) => a.dutyId))];
  const rows = await retry(() =>
    db.duty.findMany({
      where: { id: { in: ids } },
      select: { id: true, version: true, ownerId: true, status: true, dueDate: true },
    }),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const examples: string[] = [];
  let lost = 0;
  for (const [key, ack] of latest) {
    const row = byId.get(ack.dutyId);
    const actual =
      row === undefined
        ? undefined
        : ack.field === "dueDate"
          ? (row.dueDate?.toISOString().slice(0, 10) ?? null)
          : row[ack.field];
    const ok =
      row !== undefined &&
      row.version >= ack.version &&
      (actual === ack.value || (maybe.get(key)?.has(actual ?? null) ?? false));
    if (!ok) {
      lost += 1;
      if (examples.length < 5)
        examples.push(
          `duty ${ack.dutyId} ${ack.field}: acknowledged ${JSON.stringify(ack.value)} at version ` +
            `${ack.version}, database has ${JSON.stringify(actual)} at version ${row?.version}`,
        );
    }
  }
  const links = await retry(() =>
    db.evidenceLink.findMany({
      where: { workspaceId: scenario.workspaceId },
      select: { evidenceId: true, dutyId: true },
    }),
  );
  const present = new Set(links.map((l) => `${l.evidenceId}:${l.dutyId}`));
  const linkKeys = new Set(ledger.linkAcks.map((l) => `${l.evidenceId}:${l.dutyId}`));
  for (const key of linkKeys) {
    if (!present.has(key)) {
      lost += 1;
      if (examples.length < 5)
        examples.push(`evidence link ${key} acknowledged, not in the database`);
    }
  }
  return {
    dutyAcks: acks.length,
    dutyFields: latest.size,
    links: linkKeys.size,
    unknown: ledger.unknown.length + ledger.unknownLinks,
    lost,
    examples,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
