// Offline verification of a bundle (npm run export:verify, and the tests). Needs no database:
// it trusts nothing but the bytes in the ZIP and the app's audit hash function. Order of checks:
// manifest readable → every listed file present with its size and SHA-256 → nothing unlisted →
// checksums.sha256 agrees → the audit chain in audit-log.jsonl recomputes → the OSCAL documents
// under oscal/ validate against NIST's schemas. Problems are listed in that order, so the first
// one names the first thing that is wrong.
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

import yauzl from "yauzl";

import { createAuditChainChecker } from "@/lib/export-bundle/audit-log";
import {
  AUDIT_LOG_PATH,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  CHECKSUMS_PATH,
  type Manifest,
  MANIFEST_PATH,
  OSCAL_DIR,
  parseChecksums,
} from "@/lib/export-bundle/manifest";
import { validateOscal } from "@/lib/oscal/validate";

export type BundleVerification = { ok: boolean; checks: string[]; problems: string[] };

type Actual = { bytes: number; sha256: string };

// manifest.json and checksums.sha256 are read whole; anything larger than this is not ours.
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/**
 * `auditKey`: the server's audit key, when the person verifying holds it (the operator). Without
 * it everything but the audit signatures is checked: the bundle is then known to be intact and
 * consistent, but not proven to come from the server rather than from someone who rewrote the
 * database and recomputed the public hash chain.
 */
export async function verifyBundle(
  zipPath: string,
  options: { auditKey?: Uint8Array | null } = {},
): Promise<BundleVerification> {
  const checks: string[] = [];
  const problems: string[] = [];
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (error) {
    return {
      ok: false,
      checks,
      problems: [`not a readable ZIP file (${(error as Error).message})`],
    };
  }
  try {
    const entries = await listEntries(zip);
    const files = new Map<string, yauzl.Entry>();
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      if (files.has(entry.fileName)) problems.push(`${entry.fileName}: appears twice in the ZIP`);
      files.set(entry.fileName, entry);
    }
    const manifestEntry = files.get(MANIFEST_PATH);
    if (!manifestEntry) return { ok: false, checks, problems: [`${MANIFEST_PATH} is missing`] };
    const manifestRead = await readEntry(zip, manifestEntry, { keepText: true });
    let manifest: Manifest;
    try {
      manifest = JSON.parse(manifestRead.text ?? "") as Manifest;
    } catch {
      return { ok: false, checks, problems: [`${MANIFEST_PATH} is not valid JSON`] };
    }
    if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files)) {
      return {
        ok: false,
        checks,
        problems: [`${MANIFEST_PATH} is not an ${BUNDLE_FORMAT} manifest`],
      };
    }
    if (manifest.formatVersion > BUNDLE_FORMAT_VERSION) {
      return {
        ok: false,
        checks,
        problems: [
          `${MANIFEST_PATH}: format version ${manifest.formatVersion} is newer than this verifier (${BUNDLE_FORMAT_VERSION})`,
        ],
      };
    }
    checks.push(
      `${MANIFEST_PATH}: ${manifest.format} v${manifest.formatVersion}, workspace "${manifest.workspace?.name}" (${manifest.workspace?.slug}), generated ${manifest.generatedAt} by ${manifest.generatedBy}, ${manifest.files.length} files listed`,
    );

    const actual = new Map<string, Actual>([[MANIFEST_PATH, manifestRead]]);
    let auditResult: ReturnType<ReturnType<typeof createAuditChainChecker>["finish"]> | null = null;
    let checksumsText: string | undefined;
    const oscalTexts = new Map<string, string | undefined>();
    for (const [name, entry] of files) {
      if (name === MANIFEST_PATH) continue;
      try {
        if (name === AUDIT_LOG_PATH) {
          const checker = createAuditChainChecker({
            firstPrevHash: manifest.audit?.firstPrevHash ?? null,
            auditKey: options.auditKey ?? null,
          });
          actual.set(name, await readEntry(zip, entry, { onLine: (line) => checker.push(line) }));
          auditResult = checker.finish();
        } else if (isOscalFile(name)) {
          const read = await readEntry(zip, entry, { keepText: true });
          oscalTexts.set(name, read.text);
          actual.set(name, read);
        } else if (name === CHECKSUMS_PATH) {
          const read = await readEntry(zip, entry, { keepText: true });
          checksumsText = read.text;
          actual.set(name, read);
        } else {
          actual.set(name, await readEntry(zip, entry, {}));
        }
      } catch (error) {
        problems.push(`${name}: cannot be read from the ZIP (${(error as Error).message})`);
      }
    }

    // 1. Every file the manifest lists, with its size and hash.
    const listed = new Set<string>();
    let matched = 0;
    for (const file of manifest.files) {
      listed.add(file.path);
      const found = actual.get(file.path);
      if (!found) {
        problems.push(`${file.path}: listed in the manifest but missing from the bundle`);
        continue;
      }
      if (file.path === AUDIT_LOG_PATH && auditResult?.problem && found.sha256 !== file.sha256) {
        problems.push(`${AUDIT_LOG_PATH} ${auditResult.problem}`);
      }
      if (found.sha256 !== file.sha256) {
        problems.push(
          `${file.path}: SHA-256 mismatch (manifest ${file.sha256}, actual ${found.sha256})`,
        );
      } else if (found.bytes !== file.bytes) {
        problems.push(
          `${file.path}: size mismatch (manifest ${file.bytes} bytes, actual ${found.bytes})`,
        );
      } else {
        matched += 1;
      }
    }
    checks.push(`${matched} of ${manifest.files.length} listed files match their size and SHA-256`);

    // 2. Nothing added.
    const extras = [...files.keys()].filter(
      (name) => !listed.has(name) && name !== MANIFEST_PATH && name !== CHECKSUMS_PATH,
    );
    for (const name of extras) problems.push(`unexpected file ${name} not in manifest`);
    if (extras.length === 0) checks.push("no file added or removed compared with the manifest");

    // 3. checksums.sha256 lists every file but itself, manifest.json included, with actual hashes.
    problems.push(...checkChecksums({ text: checksumsText, actual, checks }));

    // 4. The audit chain.
    problems.push(...checkAudit({ manifest, result: auditResult, checks }));

    // 5. The OSCAL documents.
    for (const [name, text] of oscalTexts) problems.push(...checkOscal({ name, text, checks }));
    const unique = [...new Set(problems)];
    return { ok: unique.length === 0, checks, problems: unique };
  } finally {
    zip.close();
  }
}

function checkChecksums({
  text,
  actual,
  checks,
}: {
  text: string | undefined;
  actual: Map<string, Actual>;
  checks: string[];
}): string[] {
  if (text === undefined) return [`${CHECKSUMS_PATH} is missing`];
  const parsed = parseChecksums(text);
  if (!parsed.ok) return [`${CHECKSUMS_PATH} line ${parsed.line} is not "<sha256>  <path>"`];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of parsed.lines) {
    seen.add(line.path);
    const found = actual.get(line.path);
    if (!found) problems.push(`${CHECKSUMS_PATH}: lists ${line.path}, which is not in the bundle`);
    else if (found.sha256 !== line.sha256)
      problems.push(
        `${line.path}: SHA-256 mismatch (${CHECKSUMS_PATH} ${line.sha256}, actual ${found.sha256})`,
      );
  }
  for (const name of actual.keys()) {
    if (name !== CHECKSUMS_PATH && !seen.has(name))
      problems.push(`${CHECKSUMS_PATH}: does not list ${name}`);
  }
  if (problems.length === 0)
    checks.push(`${CHECKSUMS_PATH}: ${parsed.lines.length} entries match (manifest.json included)`);
  return problems;
}

function isOscalFile(name: string): boolean {
  return name.startsWith(OSCAL_DIR) && name.endsWith(".json");
}

function checkOscal({
  name,
  text,
  checks,
}: {
  name: string;
  text: string | undefined;
  checks: string[];
}): string[] {
  let document: unknown;
  try {
    document = JSON.parse(text ?? "");
  } catch {
    return [`${name}: not valid JSON`];
  }
  const result = validateOscal(document, { limit: 5 });
  if (!result.ok) return [`${name}: not valid OSCAL 1.2.1 (${result.problems.join("; ")})`];
  checks.push(`${name}: a valid OSCAL 1.2.1 ${result.model}`);
  return [];
}

function checkAudit({
  manifest,
  result,
  checks,
}: {
  manifest: Manifest;
  result: ReturnType<ReturnType<typeof createAuditChainChecker>["finish"]> | null;
  checks: string[];
}): string[] {
  if (!result)
    return manifest.files.some((f) => f.path === AUDIT_LOG_PATH)
      ? []
      : [`${AUDIT_LOG_PATH} is missing`];
  if (result.problem) return [`${AUDIT_LOG_PATH} ${result.problem}`];
  const expected = manifest.audit;
  if (expected && (result.events !== expected.events || result.lastHash !== expected.lastHash)) {
    return [
      `${AUDIT_LOG_PATH}: ${result.events} events ending at ${result.lastHash ?? "nothing"}, manifest says ${expected.events} ending at ${expected.lastHash ?? "nothing"}`,
    ];
  }
  checks.push(
    result.events === 0
      ? `${AUDIT_LOG_PATH}: no events in scope`
      : `${AUDIT_LOG_PATH}: ${result.events} events, seq ${result.firstSeq}–${result.lastSeq}, every hash recomputed and linked (last ${result.lastHash})`,
  );
  checks.push(describeSignatures(result.signatures, result.events));
  return [];
}

function describeSignatures(
  signatures: ReturnType<ReturnType<typeof createAuditChainChecker>["finish"]>["signatures"],
  events: number,
): string {
  const signed = events - signatures.unsigned;
  const keys = signatures.keyIds.join(", ") || "none";
  const legacy =
    signatures.unsigned > 0
      ? `; ${signatures.unsigned} earlier event(s) predate keyed audit and are vouched for by the first signed one through the chain`
      : "";
  if (signed === 0)
    return `${AUDIT_LOG_PATH}: no event carries a server signature (recorded before keyed audit)`;
  return signatures.checked
    ? `${AUDIT_LOG_PATH}: ${signed} signature(s) checked with the audit key (key id ${keys})${legacy}`
    : `${AUDIT_LOG_PATH}: ${signed} event(s) carry server signatures (key id ${keys}), not checked: pass --audit-key-file to check them${legacy}`;
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error || !zip ? reject(error) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  options: { keepText?: boolean; onLine?: (line: string) => void },
): Promise<Actual & { text?: string }> {
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (error, readable) =>
      error || !readable ? reject(error) : resolve(readable),
    );
  });
  const hash = createHash("sha256");
  let bytes = 0;
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    if (options.keepText && bytes <= MAX_INDEX_BYTES) chunks.push(chunk);
  });
  if (options.onLine) {
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) options.onLine(line);
  } else {
    await new Promise<void>((resolve, reject) => {
      stream.once("end", resolve);
      stream.once("error", reject);
    });
  }
  return {
    bytes,
    sha256: hash.digest("hex"),
    ...(options.keepText ? { text: Buffer.concat(chunks).toString("utf8") } : {}),
  };
}
