/**
 * Zod schemas of the audit-evidence export, shared by the exports page form, its actions, the
 * REST API and the command line. Dates are UTC days; both ends are inclusive.
 */
import { z } from "zod";

const day = z.iso.date({ error: "expected a date as YYYY-MM-DD" });
const idSchema = z.string().trim().min(1).max(64);
const keySchema = z.string().trim().min(1).max(64);

export const exportScopeSchema = z
  .object({
    /** Omitted or empty: every system. */
    systemIds: z.array(idSchema).max(500).optional(),
    /** Omitted or empty: every domain. */
    domainKeys: z.array(keySchema).max(200).optional(),
    from: day.optional(),
    to: day.optional(),
    includeFiles: z.boolean().default(true),
  })
  .refine((scope) => !scope.from || !scope.to || scope.from <= scope.to, {
    error: "must be on or after the start date",
    path: ["to"],
  })
  .transform((scope) => ({
    ...scope,
    // An empty pick list means "no filter": nobody exports a bundle of nothing on purpose.
    systemIds: scope.systemIds?.length ? [...new Set(scope.systemIds)] : undefined,
    domainKeys: scope.domainKeys?.length ? [...new Set(scope.domainKeys)] : undefined,
  }));

export type ExportScopeInput = z.input<typeof exportScopeSchema>;
export type ExportScope = z.output<typeof exportScopeSchema>;

export const exportJobIdSchema = z.object({ exportId: idSchema });

export const auditDownloadFormatSchema = z.enum(["jsonl", "csv"]);
