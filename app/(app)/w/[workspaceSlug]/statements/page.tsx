import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";
import { listProviderStatements } from "@/lib/server/statements/list-provider-statements";

import { CreateStatementForm } from "./_components/create-statement-form";

export const metadata: Metadata = { title: "Provider statements" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function StatementsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "statement.read");
  const slug = auth.workspace.slug;
  const canPublish = can(auth.role, "statement.publish");
  const [statements, frameworks] = await Promise.all([
    listProviderStatements({ workspaceId: auth.workspace.id }),
    canPublish ? listFrameworks({ workspaceId: auth.workspace.id }) : Promise.resolve([]),
  ]);
  const options = frameworks.flatMap((f) =>
    f.versions.map((v) => ({ key: f.key, version: v.version, label: `${f.name} ${v.version}` })),
  );
  return (
    <>
      <PageHeader
        title="Provider statements"
        description="If your organisation offers AI products, publish per product which security domains you hold, share or leave to your customers, with your attestations. Customers import the statement for your product as their vendor."
      />
      <div className="grid gap-6">
        {statements.length === 0 ? (
          <EmptyState title="No statements yet" description="Create one for a product below." />
        ) : (
          <Table aria-label="Statements">
            <TableHeader>
              <TableRow>
                <TableHead>Product</TableHead>
                <TableHead>Published</TableHead>
                <TableHead>Visibility</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {statements.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <Link
                      className="font-medium hover:underline"
                      href={`/w/${slug}/statements/${s.id}`}
                    >
                      {s.productName}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {s.latest
                      ? `Version ${s.latest.version}, ${s.latest.publishedAt.toISOString().slice(0, 10)}`
                      : "Draft only"}
                  </TableCell>
                  <TableCell>
                    {s.revokedAt ? (
                      <Badge variant="destructive">Revoked</Badge>
                    ) : s.visibility === "PUBLIC" ? (
                      <Badge variant="info">Public</Badge>
                    ) : (
                      <Badge variant="outline">Private link</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {canPublish ? (
          <Card>
            <CardHeader>
              <CardTitle>New statement</CardTitle>
            </CardHeader>
            <CardContent>
              <CreateStatementForm slug={slug} frameworks={options} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
