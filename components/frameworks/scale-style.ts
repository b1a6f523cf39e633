import type { BadgeVariant } from "@/components/ui/badge";
import type { ScaleSide } from "@/lib/frameworks/schema";

/**
 * Presentation of a framework's own scale. Colours follow the side a code puts the duty on, not
 * the code itself, so a custom scale (e.g. "PRV"/"CUS") gets the same colours as P/C/S/NA. The
 * code is always shown as text too: colour is never the only signal.
 */
export type ScaleEntry = { code: string; label: string; description: string; side: ScaleSide };

const VARIANT_BY_SIDE: Record<ScaleSide, BadgeVariant> = {
  provider: "provider",
  customer: "customer",
  both: "shared",
  none: "na",
};

export function scaleVariant(side: ScaleSide | undefined): BadgeVariant {
  return side ? VARIANT_BY_SIDE[side] : "outline";
}

/** Cell background/text classes of the matrix (the soft tokens of the responsibility badges). */
const CELL_BY_SIDE: Record<ScaleSide, string> = {
  provider: "border-provider-border bg-provider-soft text-provider-foreground",
  customer: "border-customer-border bg-customer-soft text-customer-foreground",
  both: "border-shared-border bg-shared-soft text-shared-foreground",
  none: "border-na-border bg-na-soft text-na-foreground",
};

export function scaleCellClass(side: ScaleSide | undefined): string {
  return side ? CELL_BY_SIDE[side] : "border-border bg-background text-foreground";
}

export const SIDE_LABEL: Record<ScaleSide, string> = {
  provider: "Provider side",
  customer: "Your side",
  both: "Both sides",
  none: "Nobody",
};

/** "ai_specific" → "AI-specific", "traditional" → "Traditional" (keys are facts; labels are ours). */
export function humanizeKey(key: string): string {
  const known: Record<string, string> = { ai_specific: "AI-specific", traditional: "Traditional" };
  if (known[key]) return known[key];
  const words = key.split(/[_-]+/).map((word) => (word === "ai" ? "AI" : word));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
