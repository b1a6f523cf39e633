import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { StatementDocumentView } from "@/components/statements/statement-document-view";
import { getPublicStatement } from "@/lib/server/statements/get-public-statement";

type Props = { params: Promise<{ token: string }> };

// Outside the workspace gate on purpose: the random token is the only key, and the page shows
// only the published document (docs/provider-statements.md, "Sharing").
const load = cache(async (token: string) => {
  const statement = await getPublicStatement(token);
  if (!statement) notFound();
  return statement;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const statement = await getPublicStatement((await params).token);
  if (!statement) return { title: "Page not found" };
  return {
    title: `${statement.document.product.name}: provider responsibility statement`,
    // A private link is not for search engines; a public one may be indexed.
    robots: statement.visibility === "PRIVATE_LINK" ? { index: false, follow: false } : undefined,
  };
}

export default async function PublicStatementPage({ params }: Props) {
  const { token } = await params;
  const { document } = await load(token);
  return (
    <main className="mx-auto grid max-w-4xl gap-6 p-6">
      <header className="grid gap-1">
        <p className="text-sm text-muted-foreground">Provider responsibility statement</p>
        <h1 className="text-2xl font-semibold">{document.product.name}</h1>
        {document.provider ? (
          <p className="text-muted-foreground">by {document.provider.name}</p>
        ) : null}
      </header>
      <p className="text-sm">
        Which security domains the provider holds, shares or leaves to its customers. Download it to
        import it into your own workspace:{" "}
        <a className="underline" href={`/statements/${token}/statement.json`} download>
          statement (JSON)
        </a>{" "}
        or{" "}
        <a className="underline" href={`/statements/${token}/component-definition.json`} download>
          OSCAL component definition
        </a>
        .
      </p>
      <StatementDocumentView document={document} />
    </main>
  );
}
