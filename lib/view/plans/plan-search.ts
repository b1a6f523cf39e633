/**
 * The plans page's filters as URL search params, read the same way by the page and its CSV
 * route. Invalid values are dropped, not refused: a hand-edited URL shows fewer filters.
 */
import { PLAN_STATUSES, type PlanStatus } from "@/lib/validation/plans";

export type PlanSearchState = {
  status: PlanStatus | "";
  ownerId: string;
  overdue: "" | "true" | "false";
  page: number;
};

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string {
  const value = source instanceof URLSearchParams ? source.get(key) : source[key];
  const single = Array.isArray(value) ? value[0] : value;
  return (single ?? "").trim();
}

export function parsePlanSearch(source: ParamSource): PlanSearchState {
  const status = read(source, "status");
  const ownerId = read(source, "ownerId");
  const overdue = read(source, "overdue");
  const page = Number(read(source, "page"));
  return {
    status: (PLAN_STATUSES as readonly string[]).includes(status) ? (status as PlanStatus) : "",
    ownerId: /^[A-Za-z0-9_-]{1,64}$/.test(ownerId) ? ownerId : "",
    overdue: overdue === "true" || overdue === "false" ? overdue : "",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function planFiltersOf(state: PlanSearchState): {
  status?: PlanStatus;
  ownerId?: string;
  overdue?: boolean;
} {
  return {
    ...(state.status ? { status: state.status } : {}),
    ...(state.ownerId ? { ownerId: state.ownerId } : {}),
    ...(state.overdue ? { overdue: state.overdue === "true" } : {}),
  };
}

export function planSearchParams(
  state: PlanSearchState,
  { withPage = true } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set("status", state.status);
  if (state.ownerId) params.set("ownerId", state.ownerId);
  if (state.overdue) params.set("overdue", state.overdue);
  if (withPage && state.page > 1) params.set("page", String(state.page));
  return params;
}
