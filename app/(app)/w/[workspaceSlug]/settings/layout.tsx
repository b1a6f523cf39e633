import type { ReactNode } from "react";

import { SettingsNav } from "@/components/app-shell/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";

type Props = { children: ReactNode; params: Promise<{ workspaceSlug: string }> };

export default async function SettingsLayout({ children, params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "workspace.read");
  return (
    <>
      <PageHeader
        title="Settings"
        description="The workspace, its members, its API tokens and its background jobs."
        className="mb-4"
      />
      <SettingsNav
        slug={auth.workspace.slug}
        hidden={[
          ...(can(auth.role, "token.read") ? [] : (["tokens"] as const)),
          ...(can(auth.role, "job.read") ? [] : (["jobs"] as const)),
        ]}
      />
      <div className="mt-6">{children}</div>
    </>
  );
}
