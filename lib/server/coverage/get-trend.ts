import "server-only";

import { db } from "@/lib/db/client";
import { utcDay } from "@/lib/server/coverage/take-daily-snapshot";

export type TrendPoint = {
  /** UTC day, "YYYY-MM-DD". */
  day: string;
  totalDuties: number;
  coveredDuties: number;
  coverage: number | null;
  ownedRate: number | null;
  implementedRate: number | null;
  evidencedRate: number | null;
  providerAssuredRate: number | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The workspace's daily snapshots of the last `days` UTC days (today included), oldest first.
 * Days without a snapshot are absent (the chart shows a gap rather than an invented value).
 */
export async function getTrend(input: {
  workspaceId: string;
  days: number;
  now?: Date;
}): Promise<TrendPoint[]> {
  const now = input.now ?? new Date();
  const from = new Date(`${utcDay(new Date(now.getTime() - (input.days - 1) * DAY_MS))}T00:00:00Z`);
  const to = new Date(`${utcDay(now)}T00:00:00Z`);
  const rows = await db.coverageSnapshot.findMany({
    where: { workspaceId: input.workspaceId, day: { gte: from, lte: to } },
    orderBy: { day: "asc" },
  });
  return rows.map((row) => ({
    day: utcDay(row.day),
    totalDuties: row.totalDuties,
    coveredDuties: row.coveredDuties,
    coverage: row.totalDuties === 0 ? null : row.coveredDuties / row.totalDuties,
    ownedRate: row.ownedRate,
    implementedRate: row.implementedRate,
    evidencedRate: row.evidencedRate,
    providerAssuredRate: row.providerAssuredRate,
  }));
}
