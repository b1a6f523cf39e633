import type { ReactNode } from "react";

import { SettingsNav } from "@/components/app-shell/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getWorkspaceAuth } from "@/lib/auth/session";

type Props = { children: ReactNode; params: Promise<{ workspace: string }> };

export default async function SettingsLayout({ children, params }: Props) {
  const auth = await getWorkspaceAuth((await params).workspace);
  return (
    <>
      <PageHeader
        title="Settings"
        description="The workspace, its members and its API tokens."
        className="mb-4"
      />
      <SettingsNav
        slug={auth.workspace.slug}
        hidden={can(auth.role, "token.read") ? [] : ["tokens"]}
      />
      <div className="mt-6">{children}</div>
    </>
  );
}
