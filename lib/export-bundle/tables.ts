// The CSV tables of the bundle (systems, responsibilities, evidence, gaps, approvals, plans,
// comments): one column list each, so the header and the values cannot drift apart.
import type {
  BundleApproval,
  BundleComment,
  BundleEvidence,
  BundleGap,
  BundlePlan,
  BundleResponsibility,
  BundleSystem,
} from "@/lib/export-bundle/bundle-data";
import { csvLines, type CsvValue } from "@/lib/export-bundle/csv";

type Column<T> = { header: string; value: (row: T) => CsvValue };

const systemColumns: Column<BundleSystem>[] = [
  { header: "id", value: (s) => s.id },
  { header: "name", value: (s) => s.name },
  { header: "description", value: (s) => s.description },
  { header: "framework", value: (s) => s.framework },
  { header: "primary_model", value: (s) => s.primaryModel },
  { header: "deployment_models", value: (s) => s.deploymentModels.join("; ") },
  { header: "variant", value: (s) => s.variant },
  { header: "vendor", value: (s) => s.vendorName },
  { header: "business_owner", value: (s) => s.businessOwnerName },
  { header: "risk_tier", value: (s) => s.riskTier },
  { header: "eu_ai_act_category", value: (s) => s.euAiActCategory },
  { header: "data_classification", value: (s) => s.dataClassification },
  { header: "lifecycle", value: (s) => s.lifecycle },
  { header: "archived", value: (s) => s.archived },
  { header: "duties", value: (s) => s.coverage?.totalDuties ?? null },
  { header: "covered_duties", value: (s) => s.coverage?.coveredDuties ?? null },
  { header: "coverage", value: (s) => s.coverage?.coverage ?? null },
];

type DutyRow = {
  responsibility: BundleResponsibility;
  part: BundleResponsibility["duties"][number] | null;
};

const responsibilityColumns: Column<DutyRow>[] = [
  { header: "responsibility_id", value: (r) => r.responsibility.id },
  { header: "system_id", value: (r) => r.responsibility.systemId },
  { header: "system", value: (r) => r.responsibility.systemName },
  { header: "domain_key", value: (r) => r.responsibility.domainKey },
  { header: "domain", value: (r) => r.responsibility.domainName },
  { header: "derived_value", value: (r) => r.responsibility.derivedValue },
  { header: "override_value", value: (r) => r.responsibility.overrideValue },
  { header: "override_justification", value: (r) => r.responsibility.overrideJustification },
  { header: "value", value: (r) => r.responsibility.value },
  { header: "critical", value: (r) => r.responsibility.critical },
  { header: "duty_id", value: (r) => r.part?.id },
  { header: "side", value: (r) => r.part?.side },
  { header: "owner", value: (r) => r.part?.ownerName },
  { header: "status", value: (r) => r.part?.status },
  { header: "justification", value: (r) => r.part?.justification },
  { header: "due_date", value: (r) => r.part?.dueDate },
  { header: "risk_acceptance_expires", value: (r) => r.part?.riskAcceptanceExpiresAt },
  { header: "evidence_ids", value: (r) => r.part?.evidenceIds.join("; ") },
  { header: "covered", value: (r) => r.part?.covered ?? null },
];

const evidenceColumns: Column<BundleEvidence>[] = [
  { header: "id", value: (e) => e.id },
  { header: "kind", value: (e) => e.kind },
  { header: "title", value: (e) => e.title },
  { header: "description", value: (e) => e.description },
  { header: "url", value: (e) => e.url },
  { header: "attestation_type", value: (e) => e.attestationType },
  { header: "state", value: (e) => e.state },
  { header: "review_status", value: (e) => e.reviewStatus },
  { header: "collected_at", value: (e) => e.collectedAt },
  { header: "valid_until", value: (e) => e.validUntil },
  { header: "vendor", value: (e) => e.vendorName },
  { header: "linked_to", value: (e) => e.links.join("; ") },
  { header: "file_name", value: (e) => e.fileName },
  { header: "content_type", value: (e) => e.contentType },
  { header: "size_bytes", value: (e) => e.sizeBytes },
  { header: "sha256", value: (e) => e.sha256 },
  { header: "bundle_path", value: (e) => e.bundlePath },
];

const gapColumns: Column<BundleGap>[] = [
  { header: "system", value: (g) => g.systemName },
  { header: "domain_key", value: (g) => g.domainKey },
  { header: "domain", value: (g) => g.domainName },
  { header: "side", value: (g) => g.side },
  { header: "critical", value: (g) => g.critical },
  { header: "risk_tier", value: (g) => g.riskTier },
  { header: "due_date", value: (g) => g.dueDate },
  { header: "owner", value: (g) => g.ownerName },
  { header: "status", value: (g) => g.status },
  { header: "reasons", value: (g) => g.reasons.join("; ") },
];

const approvalColumns: Column<BundleApproval>[] = [
  { header: "id", value: (a) => a.id },
  { header: "kind", value: (a) => a.kind },
  { header: "status", value: (a) => a.status },
  { header: "system", value: (a) => a.systemName },
  { header: "domain_key", value: (a) => a.domainKey },
  { header: "domain", value: (a) => a.domainName },
  { header: "side", value: (a) => a.side },
  { header: "proposed_value", value: (a) => a.proposedValue },
  { header: "justification", value: (a) => a.justification },
  { header: "requested_by", value: (a) => a.requestedBy },
  { header: "approver", value: (a) => a.approver },
  { header: "requested_at", value: (a) => a.requestedAt },
  { header: "ends_at", value: (a) => a.endsAt },
  { header: "decided_by", value: (a) => a.decidedBy },
  { header: "decided_at", value: (a) => a.decidedAt },
  { header: "decision_comment", value: (a) => a.decisionComment },
  { header: "ended_at", value: (a) => a.endedAt },
  { header: "end_reason", value: (a) => a.endReason },
];

export const approvalsCsv = (rows: Iterable<BundleApproval>) => csvLines(approvalColumns, rows);
const planColumns: Column<BundlePlan>[] = [
  { header: "id", value: (p) => p.id },
  { header: "title", value: (p) => p.title },
  { header: "goal", value: (p) => p.goal },
  { header: "owner", value: (p) => p.ownerName },
  { header: "due_date", value: (p) => p.dueDate },
  { header: "status", value: (p) => p.status },
  { header: "overdue", value: (p) => p.overdue },
  { header: "covered_duties", value: (p) => p.coveredDuties },
  { header: "duties", value: (p) => p.totalDuties },
  { header: "duty_ids", value: (p) => p.dutyIds.join("; ") },
  { header: "closed_at", value: (p) => p.closedAt },
  { header: "closing_note", value: (p) => p.closingNote },
];

const commentColumns: Column<BundleComment>[] = [
  { header: "id", value: (c) => c.id },
  { header: "on", value: (c) => c.on },
  { header: "target_id", value: (c) => c.targetId },
  { header: "target", value: (c) => c.targetLabel },
  { header: "author", value: (c) => c.authorName },
  { header: "created_at", value: (c) => c.createdAt },
  { header: "edited_at", value: (c) => c.editedAt },
  { header: "deleted_at", value: (c) => c.deletedAt },
  { header: "body", value: (c) => c.body },
];

export const plansCsv = (rows: Iterable<BundlePlan>) => csvLines(planColumns, rows);
export const commentsCsv = (rows: Iterable<BundleComment>) => csvLines(commentColumns, rows);

export const systemsCsv = (rows: Iterable<BundleSystem>) => csvLines(systemColumns, rows);
export const evidenceCsv = (rows: Iterable<BundleEvidence>) => csvLines(evidenceColumns, rows);
export const gapsCsv = (rows: Iterable<BundleGap>) => csvLines(gapColumns, rows);

/** One row per part; an NA responsibility without parts still gets one row. */
export function responsibilitiesCsv(rows: readonly BundleResponsibility[]) {
  function* dutyRows(): Generator<DutyRow> {
    for (const responsibility of rows) {
      if (responsibility.duties.length === 0) yield { responsibility, part: null };
      for (const part of responsibility.duties) yield { responsibility, part };
    }
  }
  return csvLines(responsibilityColumns, dutyRows());
}
