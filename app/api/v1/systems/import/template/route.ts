import { csvResponse } from "@/lib/csv/csv-response";
import { systemsTemplateCsv } from "@/lib/csv/systems-csv";
import { apiRoute } from "@/lib/server/api/route";
import { systemsTemplateSpec } from "@/lib/server/api/specs/systems";

export const GET = apiRoute(systemsTemplateSpec, async () =>
  csvResponse(systemsTemplateCsv(), "ai-systems-template.csv"),
);
