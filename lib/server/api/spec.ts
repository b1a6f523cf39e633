import type { z } from "zod";

import type { Permission } from "@/lib/auth/permissions";

/**
 * One REST route, described once: the wrapper (route.ts) validates with these schemas and the
 * OpenAPI document (openapi-document.ts) is generated from them, so they cannot drift apart.
 * Paths use OpenAPI templating: "/api/v1/systems/{systemId}".
 */
export type ApiRouteSpec<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: `/api/v1/${string}` | "/api/v1";
  summary: string;
  description?: string;
  tag: string;
  permission: Permission;
  params?: Params;
  query?: Query;
  body?: Body;
  response: Response;
  /** Default 200 (201 for creations). */
  successStatus?: number;
  /** Largest JSON body accepted, in bytes (default DEFAULT_MAX_BODY_BYTES); larger ones get 413. */
  maxBodyBytes?: number;
  /**
   * The success answer is a file, not JSON: its media types (documented as `type: string,
   * format: binary`). The handler returns the Response itself; `response` is then unused.
   */
  download?: { contentTypes: readonly [DownloadContentType, ...DownloadContentType[]] };
  /**
   * An old path kept working for one version. OpenAPI marks it `deprecated: true`; every answer
   * carries `Deprecation` (RFC 9745) and `Link: <successor>; rel="successor-version"`.
   */
  deprecated?: ApiDeprecation;
};

export type DownloadContentType =
  | "application/zip"
  | "application/pdf"
  | "text/csv"
  | "application/x-ndjson"
  | "application/octet-stream";

export type ApiDeprecation = {
  /** The successor's path template, e.g. "/api/v1/duties/{dutyId}". */
  successor: `/api/v1/${string}`;
  /** Successor parameter ← this route's parameter, where the names differ ({ dutyId: "dutyId" }). */
  renamedParams?: Record<string, string>;
  /** The day the path was deprecated (YYYY-MM-DD), sent as the Deprecation date. */
  since: string;
};

/** The day the "part" paths gave way to "duty" (issue 15); their Deprecation date. */
export const DUTY_RENAME_DATE = "2026-12-07";

/** 1 MiB: far above any form's JSON; routes that take files as text set their own limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Identity function that keeps the schema types of a spec (use it for every spec). */
export function defineApiRoute<
  Params extends z.ZodType,
  Query extends z.ZodType,
  Body extends z.ZodType,
  Response extends z.ZodType,
>(spec: ApiRouteSpec<Params, Query, Body, Response>) {
  return spec;
}
