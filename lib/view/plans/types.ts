import type { PlanStatus } from "@/lib/validation/plans";

/** A plan as the pages and the API show it (dates as ISO strings). */
export type PlanView = {
  id: string;
  title: string;
  goal: string | null;
  ownerId: string | null;
  ownerName: string | null;
  /** The due day, YYYY-MM-DD. */
  dueDate: string | null;
  /** As stored. */
  status: PlanStatus;
  /** As it reads now: DONE as soon as every part is covered, before the job stores it. */
  effectiveStatus: PlanStatus;
  overdue: boolean;
  closingNote: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  /** Parts the coverage engine evaluates (active systems), and of those the covered ones. */
  total: number;
  covered: number;
  /** Every part the plan names, archived systems' included. */
  linked: number;
};

export type PlanDutyView = {
  dutyId: string;
  systemId: string;
  systemName: string;
  domainKey: string;
  domainName: string;
  side: "CUSTOMER" | "PROVIDER";
  status: string;
  ownerName: string | null;
  dueDate: string | null;
  overdue: boolean;
  /** null: the system is archived or retired, so coverage leaves the part out. */
  covered: boolean | null;
  reasons: string[];
};

export type PlanPage = {
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  rows: PlanView[];
};
