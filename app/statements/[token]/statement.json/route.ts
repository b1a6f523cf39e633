import { serialiseOscal } from "@/lib/oscal/common";
import { getPublicStatement } from "@/lib/server/statements/get-public-statement";

// A published provider statement in our format (docs/provider-statement-format.md). Outside the
// workspace gate on purpose: the random token in the path is the only key, and the document holds
// only what the publisher published. Unknown or revoked: 404.
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const statement = await getPublicStatement(token);
  if (!statement) return Response.json({ error: "Not found." }, { status: 404 });
  return new Response(serialiseOscal(statement.document), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="provider-statement-v${statement.document.version}.json"`,
      "cache-control": "no-store",
      ...(statement.visibility === "PRIVATE_LINK" ? { "x-robots-tag": "noindex" } : {}),
    },
  });
}
