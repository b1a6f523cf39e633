import { ATTESTATION_TYPE_LABELS, type AttestationType } from "@/lib/validation/evidence";

export type EvidenceKind = "FILE" | "LINK" | "NOTE" | "ATTESTATION";
export type PartSide = "CUSTOMER" | "PROVIDER";
export type Option = { value: string; label: string };

export const KIND_LABELS: Record<EvidenceKind, string> = {
  FILE: "File",
  LINK: "Link",
  NOTE: "Note",
  ATTESTATION: "Attestation",
};

export const SIDE_LABELS: Record<PartSide, string> = {
  CUSTOMER: "Your part (customer)",
  PROVIDER: "Provider's part",
};

export function attestationLabel(type: string | null): string | null {
  if (!type) return null;
  return ATTESTATION_TYPE_LABELS[type as AttestationType] ?? type;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Dates of evidence are days for people: shown as YYYY-MM-DD in UTC, as they were entered. */
export function formatDay(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "—" : date.toISOString().slice(0, 10);
}
