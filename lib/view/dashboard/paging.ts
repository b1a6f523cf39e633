/**
 * Server-side paging of the dashboards' lists: the page number from a URL, and one page of a list
 * already held in full. Pure: no server code.
 */
import type { ListPage } from "@/lib/view/dashboard/types";

/** A 1-based page number from a search parameter; anything else is page 1 (never an error). */
export function pageNumber(value: string | string[] | undefined, max = 10_000): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 && page <= max ? page : 1;
}

/** Page `page` of `rows` (the last page when `page` is past the end). */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): ListPage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    total: rows.length,
    page: current,
    pageCount,
    pageSize,
    rows: rows.slice((current - 1) * pageSize, current * pageSize),
  };
}
