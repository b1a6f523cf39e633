/** Words for evidence (its kinds, attestation types) and how its dates show. Plain data. */
import type { EvidenceKind } from "@/lib/domain/responsibility";
import { ATTESTATION_TYPE_LABELS, type AttestationType } from "@/lib/validation/evidence";

export type Option = { value: string; label: string };

export const KIND_LABELS: Record<EvidenceKind, string> = {
  FILE: "File",
  LINK: "Link",
  NOTE: "Note",
  ATTESTATION: "Attestation",
};

export function attestationLabel(type: string | null): string | null {
  if (!type) return null;
  return ATTESTATION_TYPE_LABELS[type as AttestationType] ?? type;
}

/** Dates of evidence are days for people: shown as YYYY-MM-DD in UTC, as they were entered. */
export function formatDay(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "—" : date.toISOString().slice(0, 10);
}
