import type { Metadata } from "next";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { getWorkspaceAuth } from "@/lib/auth/session";

import { RenameWorkspaceForm } from "./rename-workspace-form";

export const metadata: Metadata = { title: "Workspace settings" };

type Props = { params: Promise<{ workspace: string }> };

export default async function WorkspaceSettingsPage({ params }: Props) {
  const auth = await getWorkspaceAuth((await params).workspace);
  return (
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
  );
}
