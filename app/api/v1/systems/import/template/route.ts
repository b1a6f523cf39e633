import { systemsTemplateCsv } from "@/lib/csv/systems-csv";
import { apiRoute } from "@/lib/server/api/route";
import { systemsTemplateSpec } from "@/lib/server/api/specs/systems";
import { csvResponse } from "@/lib/csv/csv-response";

export const GET = apiRoute(systemsTemplateSpec, async () =>
  csvResponse(systemsTemplateCsv(), "ai-systems-template.csv"),
);
