import "server-only";

import { startOfDay } from "@/lib/validation/responsibilities";

/** A plan's due day as stored: the start of that UTC day, as duties' due dates. */
export function startOfDayOrNull(day: string | null | undefined): Date | null {
  return day ? startOfDay(day) : null;
}

export const STALE_PLAN_MESSAGE =
  "Someone else changed this plan after you opened it. Your edit was not saved: reload to see " +
  "their change, then apply yours again.";
