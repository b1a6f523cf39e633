import { systemsTemplateCsv } from "@/lib/csv/systems-csv";
import {
  csvResponse,
  downloadWorkspace,
  notFoundResponse,
} from "@/lib/server/systems/download-auth";

type Context = { params: Promise<{ workspace: string }> };

export async function GET(_request: Request, { params }: Context) {
  const workspace = await downloadWorkspace((await params).workspace, "system.read");
  if (!workspace) return notFoundResponse();
  return csvResponse(systemsTemplateCsv(), "ai-systems-template.csv");
}
