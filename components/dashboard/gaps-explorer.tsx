"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useMemo, useState } from "react";

import { type GapSelection, GapTable } from "@/components/dashboard/gap-table";
import { NewPlanDialog } from "@/components/plans/new-plan-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { GapReason } from "@/lib/domain/coverage-reference";
import { GAP_REASON_LABELS, RISK_TIER_LABELS } from "@/lib/view/coverage/labels";
import {
  EMPTY_GAP_SEARCH,
  type GapSearchKey,
  gapSearchParams,
  type GapSearchState,
} from "@/lib/view/dashboard/gap-search";
import type { GapFilterOptions, GapsPageData } from "@/lib/view/dashboard/types";

/** TanStack Query keys of the gaps page (one factory, so invalidation hits the same key). */
export const gapQueryKeys = {
  list: (slug: string, search: GapSearchState) =>
    ["gaps", slug, "list", gapSearchParams(search).toString()] as const,
};

async function fetchGaps(slug: string, search: GapSearchState): Promise<GapsPageData> {
  const query = gapSearchParams(search).toString();
  const response = await fetch(
    `/w/${encodeURIComponent(slug)}/gaps/data${query ? `?${query}` : ""}`,
    {
      headers: { accept: "application/json" },
    },
  );
  const body = (await response.json().catch(() => null)) as
    (GapsPageData & { error?: { message?: string } }) | null;
  if (!response.ok || !body)
    throw new Error(body?.error?.message ?? `Loading failed (HTTP ${response.status}).`);
  return body;
}

type Filter = {
  key: GapSearchKey;
  label: string;
  options: { value: string; label: string; group?: string }[];
};

/** Options as they render: plain ones first, then one <optgroup> per group, in list order. */
function optionGroups(options: Filter["options"]) {
  const groups: { label: string | null; options: Filter["options"] }[] = [];
  for (const option of options) {
    const label = option.group ?? null;
    const last = groups.at(-1);
    if (last && last.label === label) last.options.push(option);
    else groups.push({ label, options: [option] });
  }
  return groups;
}

/**
 * The filterable gap list. The server renders the first page from the URL; changing a filter or
 * the page rewrites the URL in place (history.replaceState, which Next's router observes: no
 * navigation, no server render) and TanStack Query fetches that page from the JSON route; the
 * table (TanStack Table) shows the page the server chose.
 */
export function GapsExplorer({
  slug,
  initialSearch,
  initialData,
  options,
  canPlan = false,
}: {
  slug: string;
  initialSearch: GapSearchState;
  initialData: GapsPageData;
  options: GapFilterOptions;
  /** The member may create action plans: the rows get checkboxes and "New plan". */
  canPlan?: boolean;
}) {
  const [search, setSearch] = useState(initialSearch);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection = useMemo<GapSelection | undefined>(
    () =>
      canPlan
        ? {
            selected,
            onChange: (ids, on) =>
              setSelected((current) => {
                const next = new Set(current);
                for (const id of ids) {
                  if (on) next.add(id);
                  else next.delete(id);
                }
                return next;
              }),
          }
        : undefined,
    [canPlan, selected],
  );
  const initialKey = gapSearchParams(initialSearch).toString();
  const query = useQuery({
    queryKey: gapQueryKeys.list(slug, search),
    queryFn: () => fetchGaps(slug, search),
    initialData: gapSearchParams(search).toString() === initialKey ? initialData : undefined,
    placeholderData: keepPreviousData,
  });

  function update(next: GapSearchState) {
    setSearch(next);
    const params = gapSearchParams(next).toString();
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${params ? `?${params}` : ""}`,
    );
  }

  const filters: Filter[] = [
    {
      key: "reason",
      label: "Reason",
      options: options.reasons.map((r) => ({ value: r, label: GAP_REASON_LABELS[r as GapReason] })),
    },
    { key: "domain", label: "Domain", options: options.domains },
    { key: "model", label: "Deployment model", options: options.models },
    {
      key: "riskTier",
      label: "Risk tier",
      options: [
        ...options.riskTiers.map((t) => ({ value: t, label: RISK_TIER_LABELS[t] ?? t })),
        { value: "none", label: "Not classified" },
      ],
    },
    {
      key: "ownerId",
      label: "Owner",
      options: [{ value: "none", label: "Nobody (unowned)" }, ...options.owners],
    },
    {
      key: "critical",
      label: "Critical",
      options: [
        { value: "true", label: "Critical only" },
        { value: "false", label: "Not critical" },
      ],
    },
    {
      key: "overdue",
      label: "Overdue",
      options: [
        { value: "true", label: "Overdue only" },
        { value: "false", label: "Not overdue" },
      ],
    },
    { key: "reference", label: "External reference", options: options.references },
  ];
  const data = query.data;
  const exportQuery = gapSearchParams(search, { withPage: false }).toString();
  const active = filters.some((f) => search[f.key] !== "");

  return (
    <div className="grid gap-4">
      <form
        className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Filter gaps"
        onSubmit={(event) => event.preventDefault()}
      >
        {filters.map((filter) => (
          <div key={filter.key} className="grid gap-1.5">
            <Label htmlFor={`gap-filter-${filter.key}`}>{filter.label}</Label>
            <NativeSelect
              id={`gap-filter-${filter.key}`}
              value={search[filter.key]}
              onChange={(event) => update({ ...search, [filter.key]: event.target.value, page: 1 })}
            >
              <option value="">All</option>
              {optionGroups(filter.options).map((group) => {
                const items = group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ));
                return group.label === null ? (
                  items
                ) : (
                  <optgroup key={group.label} label={group.label}>
                    {items}
                  </optgroup>
                );
              })}
            </NativeSelect>
          </div>
        ))}
        <div className="grid gap-1.5">
          <Label htmlFor="gap-sort">Order</Label>
          <NativeSelect
            id="gap-sort"
            value={search.sort}
            onChange={(event) => update({ ...search, sort: event.target.value, page: 1 })}
          >
            <option value="">Critical first, then risk tier</option>
            <option value="due">Due date, most overdue first</option>
          </NativeSelect>
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" aria-live="polite" className="text-sm" data-testid="gap-total">
          {query.isFetching ? "Loading… " : ""}
          {data
            ? `${data.total} ${data.total === 1 ? "gap" : "gaps"}${active ? (data.total === 1 ? " matches the filters" : " match the filters") : ""}.`
            : ""}
        </p>
        <div className="flex flex-wrap gap-2">
          {canPlan ? (
            <>
              <span className="self-center text-sm" data-testid="gap-selected">
                {selected.size === 1 ? "1 gap selected" : `${selected.size} gaps selected`}
              </span>
              {selected.size > 0 ? (
                <Button type="button" variant="ghost" onClick={() => setSelected(new Set())}>
                  Clear selection
                </Button>
              ) : null}
              <NewPlanDialog
                slug={slug}
                dutyIds={[...selected]}
                members={options.owners.map((owner) => ({ id: owner.value, label: owner.label }))}
                disabled={selected.size === 0}
                triggerLabel="New plan from selection"
              />
            </>
          ) : null}
          {active ? (
            <Button type="button" variant="outline" onClick={() => update(EMPTY_GAP_SEARCH)}>
              Clear filters
            </Button>
          ) : null}
          <Button asChild variant="outline">
            <a
              href={`/w/${encodeURIComponent(slug)}/gaps/export${exportQuery ? `?${exportQuery}` : ""}`}
              download
            >
              <Download aria-hidden="true" /> Export CSV
            </a>
          </Button>
        </div>
      </div>
      {query.isError ? <Alert variant="error">{(query.error as Error).message}</Alert> : null}
      {data && data.rows.length > 0 ? (
        <GapTable
          slug={slug}
          gaps={data.rows}
          caption="Gaps matching the filters, critical first"
          page={data}
          onPageChange={(page) => update({ ...search, page })}
          selection={selection}
        />
      ) : data ? (
        <p className="rounded-xl border bg-card p-6 text-center text-sm">
          {active ? "No gap matches these filters." : "No gaps: every duty is covered."}
        </p>
      ) : null}
    </div>
  );
}
