import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/server/api/route";
import { importSystemsSpec } from "@/lib/server/api/specs/systems";
import { apiJson } from "@/lib/server/systems/api-json";
import { importSystems } from "@/lib/server/systems/import-systems";

export const POST = apiRoute(importSystemsSpec, async ({ workspace, actor, body }) => {
  const result = await importSystems({ workspaceId: workspace.id, actor, csv: body!.csv });
  if (result.status === "invalid") {
    const fields: Record<string, string[]> = {};
    for (const problem of result.problems) {
      const key = `row ${problem.row}${problem.column ? `, column ${problem.column}` : ""}`;
      (fields[key] ??= []).push(problem.message);
    }
    throw new ValidationError(
      `Nothing was imported: ${result.problems.length} problem(s) in the file.`,
      fields,
    );
  }
  return apiJson(result, 201);
});
