/**
 * Everything the PDF report shows, as plain serialisable data: the server collects it
 * (lib/server/report/collect-report-data.ts), lib/report-pdf/ lays it out. Dates are ISO strings.
 */
import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import type { CatalogueCoverage } from "@/lib/view/crosswalks/references";

export type NamedSummary = { key: string; name: string; summary: CoverageSummary };

export type ReportGap = {
  systemName: string;
  domainName: string;
  side: string;
  critical: boolean;
  riskTier: string | null;
  ownerName: string | null;
  dueDate: string | null;
  reasons: string[];
};

export type ReportAudit = {
  /** Events in the workspace's chain; the chain is recomputed when the report is made. */
  events: number;
  chainIntact: boolean;
  /** Why the chain does not verify, when it does not. */
  problem: string | null;
  headSeq: number;
  headHash: string | null;
  recentDays: number;
  recentEvents: number;
  /** The most frequent actions in the recent period, most frequent first. */
  recentByAction: { action: string; count: number }[];
  lastEventAt: string | null;
};

export type ReportData = {
  workspace: { name: string; slug: string };
  generatedAt: string;
  generatedBy: string;
  /** What the report covers, in words ("all systems and domains", "3 chosen systems" …). */
  scope: string;
  frameworks: { name: string; version: string }[];
  crosswalks: { name: string; version: string }[];
  summary: CoverageSummary;
  systems: { counted: number; total: number };
  gapsTotal: number;
  criticalGaps: number;
  byDomain: NamedSummary[];
  byModel: NamedSummary[];
  topGaps: ReportGap[];
  references: CatalogueCoverage[];
  audit: ReportAudit;
  /** Credit lines of the frameworks and standards the report relies on. */
  credits: string[];
};
