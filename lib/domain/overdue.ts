/**
 * When work is overdue. Due dates are calendar days stored at the start of the day (UTC): work due
 * today is not late yet; it is overdue from the next day on. One rule for duties, gaps and plans,
 * written once here and once in SQL (`overdueSql`, lib/server/plans/plan-progress-sql.ts).
 */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function isPastDue(dueDate: Date | string | null | undefined, now: Date): boolean {
  if (!dueDate) return false;
  const due = typeof dueDate === "string" ? new Date(dueDate) : dueDate;
  return due.getTime() < startOfUtcDay(now).getTime();
}

/** Days from today (UTC) until the due day: 0 due today, negative when overdue. */
export function daysUntilDue(dueDate: Date | string, now: Date): number {
  const due = typeof dueDate === "string" ? new Date(dueDate) : dueDate;
  return Math.round((startOfUtcDay(due).getTime() - startOfUtcDay(now).getTime()) / 86_400_000);
}
