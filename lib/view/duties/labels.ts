/**
 * Words for a duty's side and due group, the same on pages, in CSV files and in the PDF report (the wording of
 * docs/glossary.md: "your part", "provider's part"). Plain data: no React, no server code.
 */
import type { DutySide } from "@/lib/domain/responsibility";
import type { DueGroup } from "@/lib/validation/responsibilities";

export const SIDE_LABELS: Record<DutySide, string> = {
  CUSTOMER: "Your part",
  PROVIDER: "Provider's part",
};

/** The groups of My duties by due date (lib/validation/responsibilities.ts, dueGroupOf). */
export const DUE_GROUP_LABELS: Record<DueGroup, string> = {
  overdue: "Overdue",
  thisWeek: "Due in the next 7 days",
  later: "Due later",
  noDate: "No due date",
};
