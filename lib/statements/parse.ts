// Reading an uploaded or pasted statement: our JSON format or an OSCAL component definition.
// Two steps, both pure: `readStatementText` checks size, JSON, and the document's own schema;
// `completeStatement` checks it against the framework version the caller resolved. Every
// problem found is returned, never just the first (docs/provider-statements.md, "Import").
import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import {
  type ReadComponentDefinition,
  statementFromComponentDefinition,
} from "@/lib/oscal/component-definition";
import { validateOscal } from "@/lib/oscal/validate";
import {
  checkAgainstFramework,
  describeIssues,
  type ProviderStatementDocument,
  providerStatementSchema,
  STATEMENT_FORMAT,
  STATEMENT_MAX_BYTES,
} from "@/lib/statements/format";

export type StatementSourceFormat = "ai-srm-provider-statement/1" | "oscal-component-definition";

export type ReadStatement =
  | { ok: true; kind: "ours"; document: ProviderStatementDocument }
  | { ok: true; kind: "oscal"; read: ReadComponentDefinition }
  | { ok: false; problems: string[] };

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

export function readStatementText(text: string): ReadStatement {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > STATEMENT_MAX_BYTES)
    return {
      ok: false,
      problems: [
        `file: ${formatSize(bytes)} is larger than the ${formatSize(STATEMENT_MAX_BYTES)} a statement may have`,
      ],
    };
  if (text.trim() === "") return { ok: false, problems: ["file: is empty"] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        `file: not valid JSON (${error instanceof Error ? error.message : "parse error"})`,
      ],
    };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, problems: ["file: the JSON is not an object"] };
  const root = json as Record<string, unknown>;
  if ("component-definition" in root) {
    const valid = validateOscal(json, { expected: "component-definition", limit: 50 });
    if (!valid.ok) return { ok: false, problems: valid.problems.map((p) => `OSCAL ${p}`) };
    const read = statementFromComponentDefinition(json);
    if (read.problems.length > 0) return { ok: false, problems: read.problems };
    return { ok: true, kind: "oscal", read };
  }
  if ("format" in root) {
    if (root.format !== STATEMENT_FORMAT)
      return {
        ok: false,
        problems: [
          `format: "${String(root.format)}" is not a format this app reads (expected "${STATEMENT_FORMAT}")`,
        ],
      };
    const parsed = providerStatementSchema.safeParse(json);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
    return { ok: true, kind: "ours", document: parsed.data };
  }
  return {
    ok: false,
    problems: [
      `file: neither a provider statement ("format": "${STATEMENT_FORMAT}") nor an OSCAL component definition`,
    ],
  };
}

/** The framework a read statement names, or null (an OSCAL document that names none). */
export function namedFramework(read: ReadStatement & { ok: true }) {
  return read.kind === "ours" ? read.document.framework : read.read.body.framework;
}

export type CompletedStatement =
  | {
      ok: true;
      document: ProviderStatementDocument;
      sourceFormat: StatementSourceFormat;
      unmapped: string[];
    }
  | { ok: false; problems: string[] };

/**
 * Checks a read statement against the framework version it is imported under (`definition`):
 * the version must be the one the document names (when it names one), and every domain,
 * deployment model and attestation domain must exist there. An OSCAL document becomes a document
 * of our format: control ids the framework does not have are refused like unknown domains of
 * ours (their ids named) when the document names this framework; a document naming no framework
 * (another provider's) is read where its control ids are domains, and the rest is reported in
 * `unmapped`, as is a document that names no deployment model (it applies to all of them).
 */
export function completeStatement(
  read: ReadStatement & { ok: true },
  definition: FrameworkDefinition,
): CompletedStatement {
  const framework = { key: definition.key, version: definition.version };
  const named = namedFramework(read);
  if (named && (named.key !== framework.key || named.version !== framework.version))
    return {
      ok: false,
      problems: [
        `framework: the statement is for ${named.key} ${named.version}, not ${framework.key} ${framework.version}`,
      ],
    };
  if (read.kind === "ours") {
    const problems = checkAgainstFramework(read.document, definition);
    return problems.length > 0
      ? { ok: false, problems }
      : { ok: true, document: read.document, sourceFormat: STATEMENT_FORMAT, unmapped: [] };
  }
  const r = read.read;
  const unmapped = [...r.unmapped];
  let deploymentModels = r.body.deploymentModels;
  if (deploymentModels.length === 0) {
    deploymentModels = definition.columns.map((c) => c.key);
    unmapped.push("deployment models: none named, so the statement is read for every one");
  }
  // A document naming our framework must use its domains; one naming none (another provider's)
  // is read where its control ids are our domains, and the rest is reported.
  let domains = r.body.domains;
  if (!named) {
    const rows = new Set(definition.rows.map((row) => row.key));
    for (const d of domains.filter((d) => !rows.has(d.key)))
      unmapped.push(`control "${d.key}": not a domain of ${framework.key} ${framework.version}`);
    domains = domains.filter((d) => rows.has(d.key));
    if (domains.length === 0)
      return {
        ok: false,
        problems: [
          `components.0: no implemented requirement names a domain of ${framework.key} ${framework.version} (${unmapped.length} control(s) did not map)`,
        ],
      };
  }
  const candidate = {
    format: STATEMENT_FORMAT,
    statementId: r.statementId,
    version: r.version,
    publishedAt: r.publishedAt,
    ...(r.providerName ? { provider: { name: r.providerName } } : {}),
    product: { name: r.productName },
    framework,
    deploymentModels,
    domains,
    attestations: r.body.attestations.map((a) =>
      a.domains ? { ...a, domains: a.domains.filter((k) => domains.some((d) => d.key === k)) } : a,
    ),
  };
  const parsed = providerStatementSchema.safeParse(candidate);
  if (!parsed.success)
    return { ok: false, problems: describeIssues(parsed.error, "(as statement) ") };
  const problems = checkAgainstFramework(parsed.data, definition);
  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        document: parsed.data,
        sourceFormat: "oscal-component-definition",
        unmapped,
      };
}
