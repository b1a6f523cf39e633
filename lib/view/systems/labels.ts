import { LIFECYCLES, RISK_TIERS } from "@/lib/domain/responsibility";

/** An enum value as words: "PRODUCTION" → "Production", "NOT_SET" → "Not set". */
export function enumLabel(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
}

export const RISK_TIER_OPTIONS = RISK_TIERS.map((value) => ({ value, label: enumLabel(value) }));
export const LIFECYCLE_OPTIONS = LIFECYCLES.map((value) => ({ value, label: enumLabel(value) }));
