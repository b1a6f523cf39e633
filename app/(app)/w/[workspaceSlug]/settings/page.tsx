import type { Metadata } from "next";
import Link from "next/link";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { workspaceMaxApprovalMonths } from "@/lib/server/approvals/workspace-max-approval-months";
import { findLatestBundle } from "@/lib/server/exports/find-latest-bundle";

import { ApprovalSettingsForm } from "./approval-settings-form";
import { DeleteWorkspaceForm } from "./delete-workspace-form";
import { RenameWorkspaceForm } from "./rename-workspace-form";

export const metadata: Metadata = { title: "Workspace settings" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function WorkspaceSettingsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "workspace.read");
  const canDelete = can(auth.role, "workspace.delete");
  const latest = canDelete ? await findLatestBundle(auth.workspace.id) : null;
  const slug = auth.workspace.slug;
  const maxApprovalMonths = await workspaceMaxApprovalMonths(auth.workspace.id);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader className="flex-col items-stretch">
          <CardTitle>General</CardTitle>
          <CardDescription>
            URL name: <code className="font-mono">/w/{auth.workspace.slug}</code> (fixed, so links
            keep working).
          </CardDescription>
        </CardHeader>
        <CardContent>
          {can(auth.role, "workspace.update") ? (
            <RenameWorkspaceForm slug={auth.workspace.slug} name={auth.workspace.name} />
          ) : (
            <p className="text-sm">
              Name: <strong>{auth.workspace.name}</strong>. Only owners and admins can rename the
              workspace.
            </p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex-col items-stretch">
          <CardTitle>Approvals</CardTitle>
          <CardDescription>
            Risk acceptances, not-applicable exceptions and overrides end at the date their approver
            approved; this is the latest end a new request may ask for.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {can(auth.role, "workspace.update") ? (
            <ApprovalSettingsForm slug={slug} maxApprovalMonths={maxApprovalMonths} />
          ) : (
            <p className="text-sm">
              Longest approval: <strong>{maxApprovalMonths} months</strong>. Only owners and admins
              can change it.
            </p>
          )}
        </CardContent>
      </Card>
      {canDelete ? (
        <Card className="border-destructive/40">
          <CardHeader className="flex-col items-stretch">
            <CardTitle>Delete this workspace</CardTitle>
            <CardDescription>
              Removes every AI system, duty, vendor, evidence file, export and the audit log, for
              good. Members are told by e-mail. A record that the workspace was deleted, when and by
              whom is kept outside it.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <div className="grid gap-1 text-sm">
              <p className="font-medium">First, keep a final evidence bundle</p>
              <p>
                Exports are deleted with the workspace. Create one on the{" "}
                <Link href={`/w/${slug}/exports`} className="underline">
                  Exports page
                </Link>{" "}
                and download it before you delete.
              </p>
              {latest ? (
                <p>
                  Latest bundle:{" "}
                  <a
                    href={`/w/${slug}/exports/${latest.id}/download`}
                    className="underline"
                    download
                  >
                    download the bundle finished{" "}
                    {latest.finishedAt?.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </a>
                </p>
              ) : (
                <p className="text-muted-foreground">No finished bundle is stored yet.</p>
              )}
            </div>
            <DeleteWorkspaceForm slug={slug} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
