import "server-only";

import { parseCsv } from "@/lib/csv/csv";
import {
  FIELD_TO_COLUMN,
  REQUIRED_SYSTEM_COLUMNS,
  splitList,
  SYSTEM_CSV_COLUMNS,
  type SystemCsvColumn,
} from "@/lib/csv/systems-csv";
import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";
import { modelProblems } from "@/lib/server/systems/check-system-fields";
import { type FrameworkMatrix, loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import { insertDerivedSystems } from "@/lib/server/systems/insert-derived-systems";
import { MAX_IMPORT_ROWS, type SystemFields, systemFieldsSchema } from "@/lib/validation/systems";

export type ImportProblem = { row: number; column: string | null; message: string };
export type ImportResult =
  | { status: "invalid"; rowCount: number; problems: ImportProblem[] }
  | { status: "imported"; count: number };

const DEFAULT_FRAMEWORK_KEY = "ai-security-srm";
const MAX_REPORTED = 200;
// Keeps each INSERT well under PostgreSQL's 65,535 bind parameters (16 domains × 2 parts each).
const CHUNK = 200;

const upper = (value: string | undefined) =>
  (value ?? "")
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");

/**
 * Imports systems from CSV, all or nothing. Every row is validated first (shape, framework and
 * deployment models, vendor by name, business owner by member e-mail); if any row has a problem,
 * nothing is written and every problem is reported with its row and column. Otherwise all systems
 * and their derived duties are written in one transaction.
 */
export async function importSystems({
  workspaceId,
  actor,
  csv,
}: {
  workspaceId: string;
  actor: AuditActor;
  csv: string;
}): Promise<ImportResult> {
  const parsed = parseCsv(csv);
  const problems: ImportProblem[] = parsed.problems.map((p) => ({
    row: p.row,
    column: null,
    message: p.message,
  }));
  const known = new Set<string>(SYSTEM_CSV_COLUMNS);
  const header = parsed.header.map((cell) => cell.toLowerCase());
  header.forEach((column, index) => {
    if (!known.has(column))
      problems.push({
        row: 1,
        column: parsed.header[index] || `#${index + 1}`,
        message: "Unknown column; use the template's header.",
      });
    else if (header.indexOf(column) !== index)
      problems.push({ row: 1, column, message: "This column appears twice." });
  });
  for (const column of REQUIRED_SYSTEM_COLUMNS) {
    if (!header.includes(column))
      problems.push({ row: 1, column, message: "Required column is missing." });
  }
  if (parsed.rows.length === 0)
    problems.push({ row: 2, column: null, message: "The file has no systems." });
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    problems.push({
      row: MAX_IMPORT_ROWS + 2,
      column: null,
      message: `Import at most ${MAX_IMPORT_ROWS} systems at a time.`,
    });
  }
  if (problems.length > 0) return { status: "invalid", rowCount: parsed.rows.length, problems };

  const [frameworks, vendors, members] = await Promise.all([
    listFrameworks({ workspaceId }),
    db.vendor.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, email: true } } },
    }),
  ]);
  const versionByRef = new Map<string, string>();
  for (const framework of frameworks) {
    if (framework.versions[0]) versionByRef.set(framework.key, framework.versions[0].id);
    for (const version of framework.versions)
      versionByRef.set(`${framework.key}@${version.version}`, version.id);
  }
  const defaultVersion = versionByRef.get(DEFAULT_FRAMEWORK_KEY) ?? frameworks[0]?.versions[0]?.id;
  const vendorByName = new Map(vendors.map((v) => [v.name.trim().toLowerCase(), v.id]));
  const memberByEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
  const matrices = new Map<string, FrameworkMatrix>();

  const valid: { fields: SystemFields; matrix: FrameworkMatrix }[] = [];
  for (const { rowNumber, cells } of parsed.rows) {
    const cell = (column: SystemCsvColumn) => {
      const index = header.indexOf(column);
      return index >= 0 ? (cells[index] ?? "").trim() : "";
    };
    const rowProblems: ImportProblem[] = [];
    const problem = (column: string, message: string) =>
      rowProblems.push({ row: rowNumber, column, message });

    const frameworkRef = cell("framework");
    const frameworkVersionId = frameworkRef ? versionByRef.get(frameworkRef) : defaultVersion;
    if (!frameworkVersionId)
      problem(
        "framework",
        `Unknown framework "${frameworkRef}"; use a key such as ${DEFAULT_FRAMEWORK_KEY}@1.1.0.`,
      );
    const vendorName = cell("vendor");
    const vendorId = vendorName ? vendorByName.get(vendorName.toLowerCase()) : null;
    if (vendorName && !vendorId)
      problem("vendor", `No vendor named "${vendorName}" in this workspace; create it first.`);
    const ownerEmail = cell("business_owner_email");
    const businessOwnerId = ownerEmail ? memberByEmail.get(ownerEmail.toLowerCase()) : null;
    if (ownerEmail && !businessOwnerId)
      problem("business_owner_email", `"${ownerEmail}" is not a member of this workspace.`);

    const result = systemFieldsSchema.safeParse({
      name: cell("name"),
      description: cell("description"),
      frameworkVersionId: frameworkVersionId ?? "unknown",
      primaryModel: cell("primary_model"),
      additionalModels: splitList(cell("additional_models")),
      variant: cell("variant"),
      vendorId: vendorId ?? null,
      businessOwnerId: businessOwnerId ?? null,
      riskTier: upper(cell("risk_tier")),
      euAiActCategory: upper(cell("eu_ai_act_category")),
      dataClassification: upper(cell("data_classification")),
      lifecycle: upper(cell("lifecycle")) || undefined,
      tags: splitList(cell("tags")),
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? "");
        problem(FIELD_TO_COLUMN[field] ?? field, issue.message);
      }
    } else if (frameworkVersionId) {
      let matrix = matrices.get(frameworkVersionId);
      if (!matrix) {
        matrix = await loadFrameworkMatrix(db, { workspaceId, frameworkVersionId });
        matrices.set(frameworkVersionId, matrix);
      }
      for (const [field, messages] of Object.entries(modelProblems(matrix, result.data))) {
        for (const message of messages) problem(FIELD_TO_COLUMN[field] ?? field, message);
      }
      if (rowProblems.length === 0) valid.push({ fields: result.data, matrix });
    }
    problems.push(...rowProblems);
  }
  if (problems.length > 0) {
    return {
      status: "invalid",
      rowCount: parsed.rows.length,
      problems: problems.slice(0, MAX_REPORTED),
    };
  }

  const created = await workspaceTransaction(
    workspaceId,
    "importSystems",
    async (tx) => {
      const all: { id: string; name: string }[] = [];
      const withVendor: string[] = [];
      for (let start = 0; start < valid.length; start += CHUNK) {
        const chunk = valid.slice(start, start + CHUNK);
        const inserted = await insertDerivedSystems(tx, { workspaceId, systems: chunk });
        all.push(...inserted.map(({ id, name }) => ({ id, name })));
        inserted.forEach((system, index) => {
          if (chunk[index]?.fields.vendorId) withVendor.push(system.id);
        });
      }
      // Systems of a vendor with an imported statement are covered by it from the start.
      await syncSystemStatements(tx, { workspaceId, actor, systemIds: withVendor });
      // One event for the whole import: the systems it created, so the audit log stays readable.
      await recordAuditEvent(tx, {
        workspaceId,
        actor,
        action: "system.import",
        entityType: "AiSystem",
        diff: { count: all.length, systems: all },
      });
      return all;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { status: "imported", count: created.length };
}
