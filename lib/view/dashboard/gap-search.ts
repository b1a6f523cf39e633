/**
 * The gaps page's filter state as URL search params, read the same way by the page (server
 * render), its JSON route, its CSV route and the client that writes them. Pure: no server code.
 * Unknown or invalid values are dropped rather than refused: a hand-edited URL never breaks the
 * page, it just shows fewer filters.
 */
import { type GapFiltersInput, gapFiltersSchema, gapSortSchema } from "@/lib/validation/coverage";
import { referenceKeySchema } from "@/lib/validation/crosswalks";

/** The engine's own gap filters; `reference` (below) is resolved to a scope before the engine. */
const ENGINE_KEYS = [
  "reason",
  "domain",
  "model",
  "riskTier",
  "ownerId",
  "critical",
  "overdue",
] as const;

/** `sort` is the list's order ("" the gap order, "due" earliest due first), not a filter. */
export const GAP_SEARCH_KEYS = [...ENGINE_KEYS, "reference", "sort"] as const;
export type GapSearchKey = (typeof GAP_SEARCH_KEYS)[number];

/** Raw (string) filter values as they sit in the URL; "" = no filter. */
export type GapSearchState = Record<GapSearchKey, string> & { page: number };

export const EMPTY_GAP_SEARCH: GapSearchState = {
  reason: "",
  domain: "",
  model: "",
  riskTier: "",
  ownerId: "",
  critical: "",
  overdue: "",
  reference: "",
  sort: "",
  page: 1,
};

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string | undefined {
  const value = source instanceof URLSearchParams ? source.get(key) : source[key];
  const single = Array.isArray(value) ? value[0] : value;
  return single === null || single === undefined ? undefined : single;
}

export function parseGapSearch(source: ParamSource): GapSearchState {
  const state: GapSearchState = { ...EMPTY_GAP_SEARCH };
  for (const key of GAP_SEARCH_KEYS) {
    const raw = read(source, key);
    if (raw === undefined || raw === "") continue;
    const field =
      key === "reference"
        ? referenceKeySchema
        : key === "sort"
          ? gapSortSchema
          : gapFiltersSchema.shape[key];
    if (field.safeParse(raw).success) state[key] = raw.trim();
  }
  const page = Number(read(source, "page"));
  state.page = Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  return state;
}

/** The engine's filters for a search state (already validated by parseGapSearch). */
export function gapFiltersOf(state: GapSearchState): GapFiltersInput {
  const input: Record<string, string> = {};
  for (const key of ENGINE_KEYS) if (state[key] !== "") input[key] = state[key];
  return gapFiltersSchema.parse(input);
}

/** The list's order: "due" or the default gap order. */
export function gapSortOf(state: GapSearchState): "gap" | "due" {
  return state.sort === "due" ? "due" : "gap";
}

/** The external reference filter (`<catalogue>:<entry>`), or null. */
export function gapReferenceOf(state: GapSearchState): string | null {
  return state.reference === "" ? null : state.reference;
}

/** Search params for a state, without empty values and without page 1 (clean, shareable URLs). */
export function gapSearchParams(state: GapSearchState, { withPage = true } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of GAP_SEARCH_KEYS) if (state[key] !== "") params.set(key, state[key]);
  if (withPage && state.page > 1) params.set("page", String(state.page));
  return params;
}
