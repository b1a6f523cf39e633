import "server-only";

import { referenceCoverageCsv } from "@/lib/export-bundle/reference-tables";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";

/** Coverage by external reference of the whole workspace as CSV (formula-safe). */
export async function exportReferenceCoverageCsv(input: {
  workspaceId: string;
  now?: Date;
}): Promise<string> {
  const report = await loadReferenceCoverage(input);
  return [...referenceCoverageCsv(report.catalogues)].join("");
}
