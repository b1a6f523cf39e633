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
};

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
