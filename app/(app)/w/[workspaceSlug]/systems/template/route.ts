import { workspaceRoute } from "@/lib/auth/workspace-route";
import { csvResponse } from "@/lib/csv/csv-response";
import { systemsTemplateCsv } from "@/lib/csv/systems-csv";

export const GET = workspaceRoute({ permission: "system.read" }, async () => {
  return csvResponse(systemsTemplateCsv(), "ai-systems-template.csv");
});
