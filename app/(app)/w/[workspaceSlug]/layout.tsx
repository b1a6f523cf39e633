import type { Metadata } from "next";
import type { ReactNode } from "react";

import { AppShell } from "@/components/app-shell/app-shell";
import type { NavItemKey } from "@/components/app-shell/nav-items";
import { can, type Permission } from "@/lib/auth/permissions";
import { findWorkspaceAuth, getSessionWorkspaces } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { countUnreadNotifications } from "@/lib/server/notifications/list-notifications";
import { inboxHref } from "@/lib/view/notifications/inbox";

type Props = { children: ReactNode; params: Promise<{ workspaceSlug: string }> };

// What a role must hold to see each navigation item (the pages refuse it anyway).
const NAV_PERMISSIONS: Partial<Record<NavItemKey, Permission>> = {
  systems: "system.read",
  duties: "responsibility.read",
  myDuties: "responsibility.update",
  evidence: "evidence.read",
  vendors: "vendor.read",
  statements: "statement.read",
  approvals: "approval.read",
  gaps: "coverage.read",
  plans: "plan.read",
  standards: "coverage.read",
  reports: "report.read",
  frameworks: "framework.read",
  exports: "export.read",
  audit: "audit.read",
  settings: "member.read",
};

// The title names the workspace only for its members; everyone else gets the 404 page's title
// (the layout below answers 404 for them before rendering anything).
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const auth = await findWorkspaceAuth((await params).workspaceSlug);
  if (!auth) return { title: "Page not found" };
  const name = auth.workspace.name;
  return {
    title: { template: `%s · ${name} · AI SRM Workspace`, default: `${name} · AI SRM Workspace` },
  };
}

export default async function WorkspaceLayout({ children, params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "workspace.read");
  const [memberships, unread] = await Promise.all([
    getSessionWorkspaces(),
    countUnreadNotifications({ workspaceId: auth.workspace.id, userId: auth.user.id }),
  ]);
  const hidden = (Object.entries(NAV_PERMISSIONS) as [NavItemKey, Permission][])
    .filter(([, permission]) => !can(auth.role, permission))
    .map(([key]) => key);
  return (
    <AppShell
      workspace={{ slug: auth.workspace.slug, name: auth.workspace.name }}
      workspaces={memberships.map(({ workspace: w }) => ({ slug: w.slug, name: w.name }))}
      user={{ name: auth.user.name, email: auth.user.email }}
      role={auth.role}
      hiddenNavItems={hidden}
      notifications={{ href: inboxHref(auth.workspace.slug), unread }}
      createWorkspaceHref="/w/new"
      profileHref="/account"
      signOutHref="/sign-out"
    >
      {children}
    </AppShell>
  );
}
