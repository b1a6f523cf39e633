/**
 * Words for a duty's side, the same on pages, in CSV files and in the PDF report (the wording of
 * docs/glossary.md: "your part", "provider's part"). Plain data: no React, no server code.
 */
import type { DutySide } from "@/lib/domain/responsibility";

export const SIDE_LABELS: Record<DutySide, string> = {
  CUSTOMER: "Your part",
  PROVIDER: "Provider's part",
};
