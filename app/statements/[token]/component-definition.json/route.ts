import { serialiseOscal } from "@/lib/oscal/common";
import { componentDefinitionFromStatement } from "@/lib/oscal/component-definition";
import { getPublicStatement } from "@/lib/server/statements/get-public-statement";

// A published provider statement as an OSCAL 1.2.1 component definition (docs/provider-statements.md).
// Same key and same 404 as the JSON next to it.
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const statement = await getPublicStatement(token);
  if (!statement) return Response.json({ error: "Not found." }, { status: 404 });
  return new Response(serialiseOscal(componentDefinitionFromStatement(statement.document)), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="component-definition-v${statement.document.version}.json"`,
      "cache-control": "no-store",
      ...(statement.visibility === "PRIVATE_LINK" ? { "x-robots-tag": "noindex" } : {}),
    },
  });
}
