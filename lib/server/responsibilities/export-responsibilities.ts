import "server-only";

import { toCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db/client";
import {
  DUTY_ROW_SELECT,
  presentDutyRows,
  responsibilityListWhere,
} from "@/lib/server/responsibilities/list-responsibilities";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import { type ResponsibilityListQuery, toDayString } from "@/lib/validation/responsibilities";

export const RESPONSIBILITY_EXPORT_COLUMNS = [
  "system_id",
  "system",
  "domain_key",
  "domain",
  "value",
  "derived_value",
  "overridden",
  "critical",
  "side",
  "owner_email",
  "owner",
  "status",
  "due_date",
  "justification",
  "risk_approver_email",
  "risk_acceptance_expires",
] as const;

const BATCH = 5000;

/** Every duty matching the list's filters as CSV (formula-injection safe), read in batches. */
export async function exportResponsibilitiesCsv({
  workspaceId,
  query,
}: {
  workspaceId: string;
  query: ResponsibilityListQuery;
}): Promise<string> {
  const where = responsibilityListWhere(workspaceId, query);
  const members = await memberDirectory(workspaceId);
  const rows: (string | number | boolean | null)[][] = [];
  for (let cursor: string | undefined; ;) {
    const batch = await db.duty.findMany({
      where,
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: DUTY_ROW_SELECT,
    });
    for (const part of await presentDutyRows(workspaceId, batch)) {
      rows.push([
        part.system.id,
        part.system.name,
        part.domainKey,
        part.domainName,
        part.value,
        part.derivedValue,
        part.overridden,
        part.critical,
        part.side,
        part.ownerId ? (members.get(part.ownerId)?.email ?? "") : "",
        part.ownerName,
        part.status,
        toDayString(part.dueDate),
        part.justification,
        part.riskApproverId ? (members.get(part.riskApproverId)?.email ?? "") : "",
        toDayString(part.riskAcceptanceExpiresAt),
      ]);
    }
    if (batch.length < BATCH) break;
    cursor = batch[batch.length - 1]?.id;
  }
  return toCsv(RESPONSIBILITY_EXPORT_COLUMNS, rows);
}
