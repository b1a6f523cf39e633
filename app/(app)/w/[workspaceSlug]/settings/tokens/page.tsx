import { KeyRound } from "lucide-react";
import type { Metadata } from "next";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can, canAssignRole } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { ASSIGNABLE_ROLES } from "@/lib/validation/members";

import { CreateTokenForm, RevokeTokenButton } from "./token-controls";

export const metadata: Metadata = { title: "API tokens" };

type Props = { params: Promise<{ workspaceSlug: string }> };

function formatDate(value: Date | null): string {
  return value ? value.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—";
}

export default async function ApiTokensPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "token.read");
  const tokens = await listApiTokens(auth.workspace.id);
  const now = new Date();
  const canCreate = can(auth.role, "token.create");
  const canRevoke = can(auth.role, "token.revoke");
  return (
    <div className="grid gap-6">
      {canCreate ? (
        <Card>
          <CardHeader className="flex-col items-stretch">
            <CardTitle>Create an API token</CardTitle>
            <CardDescription>
              Tokens call the REST API (<code className="font-mono">/api/v1</code>, see{" "}
              <a href="/api/v1/openapi.json" className="underline">
                the OpenAPI document
              </a>
              ) as this workspace with the role you choose.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CreateTokenForm
              slug={auth.workspace.slug}
              roles={ASSIGNABLE_ROLES.filter((role) => canAssignRole(auth.role, role))}
            />
          </CardContent>
        </Card>
      ) : null}
      {tokens.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title="No API tokens yet"
          description="Tokens you create appear here with their prefix, role, creator and last use. A token stops working when its creator leaves the workspace or loses its role."
        />
      ) : (
        <Table label="API tokens">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Prefix</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Created by</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tokens.map((token) => {
              const expired = token.expiresAt !== null && token.expiresAt <= now;
              const status = token.revokedAt ? "Revoked" : expired ? "Expired" : "Active";
              return (
                <TableRow key={token.id}>
                  <TableCell className="font-medium">{token.name}</TableCell>
                  <TableCell>
                    <code className="font-mono text-xs">{token.prefix}…</code>
                  </TableCell>
                  <TableCell>{roleLabel(token.role)}</TableCell>
                  <TableCell>
                    {token.createdBy ? (
                      <>
                        {token.createdBy.name}
                        <span className="block text-xs text-muted-foreground">
                          {token.createdBy.email}
                        </span>
                      </>
                    ) : (
                      "Unknown"
                    )}
                  </TableCell>
                  <TableCell>{token.expiresAt ? formatDate(token.expiresAt) : "Never"}</TableCell>
                  <TableCell>{token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}</TableCell>
                  <TableCell>
                    <Badge variant={status === "Active" ? "success" : "muted"}>{status}</Badge>
                    {token.revokedReason ? (
                      <span className="mt-1 block text-xs text-muted-foreground">
                        Revoked automatically: {token.revokedReason}.
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-right">
                    {canRevoke && status === "Active" ? (
                      <RevokeTokenButton
                        slug={auth.workspace.slug}
                        tokenId={token.id}
                        name={token.name}
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
