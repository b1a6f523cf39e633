import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { NotFoundError } from "@/lib/errors";
import { listAttestationCandidates } from "@/lib/server/statements/list-attestation-candidates";
import { getProviderStatement } from "@/lib/server/statements/list-provider-statements";
import { findFrameworkDefinition } from "@/lib/server/statements/statement-framework";
import { idSchema } from "@/lib/validation/systems";

import {
  CopyLinkButton,
  PublishStatementButton,
  RevokeStatementButton,
  StatementVisibilitySelect,
} from "../_components/statement-controls";
import { StatementEditor } from "../_components/statement-editor";

type Props = { params: Promise<{ workspaceSlug: string; statementId: string }> };

// Membership first, then the statement by id AND workspace: a foreign id is the same 404.
const load = cache(async (slug: string, statementId: string) => {
  const auth = await requireWorkspacePage(slug, "statement.read");
  if (!idSchema.safeParse(statementId).success) notFound();
  try {
    return {
      auth,
      statement: await getProviderStatement({ workspaceId: auth.workspace.id, statementId }),
    };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceSlug, statementId } = await params;
  return { title: (await load(workspaceSlug, statementId)).statement.productName };
}

export default async function StatementPage({ params }: Props) {
  const { workspaceSlug, statementId } = await params;
  const { auth, statement } = await load(workspaceSlug, statementId);
  const slug = auth.workspace.slug;
  const canPublish = can(auth.role, "statement.publish") && !statement.revokedAt;
  const [definition, candidates] = await Promise.all([
    findFrameworkDefinition(auth.workspace.id, statement.draft.framework),
    canPublish ? listAttestationCandidates({ workspaceId: auth.workspace.id }) : [],
  ]);
  const path = `/statements/${statement.shareToken}`;
  const latest = statement.versions[0];
  return (
    <>
      <PageHeader
        title={statement.productName}
        description={`${statement.draft.framework.key} ${statement.draft.framework.version}`}
        breadcrumbs={[
          { label: "Provider statements", href: `/w/${slug}/statements` },
          { label: statement.productName },
        ]}
        actions={
          canPublish && latest ? (
            <RevokeStatementButton slug={slug} statementId={statement.id} />
          ) : null
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Sharing</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            {statement.revokedAt ? (
              <p>
                <Badge variant="destructive">Revoked</Badge> on{" "}
                {statement.revokedAt.toISOString().slice(0, 10)}: the link answers “not found”.
              </p>
            ) : latest ? (
              <>
                <p>
                  Version {latest.version} is published at{" "}
                  <a className="font-mono underline" href={path} data-testid="share-link">
                    {path}
                  </a>{" "}
                  (also{" "}
                  <a className="underline" href={`${path}/statement.json`}>
                    JSON
                  </a>{" "}
                  and{" "}
                  <a className="underline" href={`${path}/component-definition.json`}>
                    OSCAL
                  </a>
                  ). Anyone with the link can read it; it shows only what you published.
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  <CopyLinkButton path={path} />
                  {canPublish ? (
                    <StatementVisibilitySelect
                      slug={slug}
                      statementId={statement.id}
                      visibility={statement.visibility}
                    />
                  ) : null}
                </div>
              </>
            ) : (
              <p className="text-muted-foreground">Not published yet.</p>
            )}
            {statement.versions.length > 0 ? (
              <ul className="text-muted-foreground">
                {statement.versions.map((v) => (
                  <li key={v.version}>
                    Version {v.version}:{" "}
                    {v.publishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </li>
                ))}
              </ul>
            ) : null}
          </CardContent>
        </Card>
        {canPublish && definition ? (
          <Card>
            <CardHeader>
              <CardTitle>Draft</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-6">
              <StatementEditor
                slug={slug}
                statementId={statement.id}
                productName={statement.productName}
                providerName={statement.providerName}
                draft={statement.draft}
                shape={{
                  domains: definition.rows.map((r) => ({ key: r.key, name: r.name })),
                  deploymentModels: definition.columns.map((c) => ({ key: c.key, name: c.name })),
                }}
                candidates={candidates}
              />
              <PublishStatementButton slug={slug} statementId={statement.id} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
