import Link from "next/link";
import type { ReactNode } from "react";

import { MobileNav } from "@/components/app-shell/mobile-nav";
import { type NavItemKey, workspaceHref } from "@/components/app-shell/nav-items";
import { SidebarNav } from "@/components/app-shell/sidebar-nav";
import { type ShellUser, UserMenu } from "@/components/app-shell/user-menu";
import {
  type WorkspaceSummary,
  WorkspaceSwitcher,
} from "@/components/app-shell/workspace-switcher";
import { Logo } from "@/components/brand/logo";
import { NotificationBell } from "@/components/notifications/notification-bell";

export type AppShellProps = {
  workspace: WorkspaceSummary;
  /** Workspaces of the signed-in user, for the switcher. */
  workspaces: readonly WorkspaceSummary[];
  user: ShellUser;
  /** The user's role in this workspace (OWNER, ADMIN, EDITOR, AUDITOR, VIEWER), shown in the user menu. */
  role: string;
  /** Navigation items the caller decided this role must not see. */
  hiddenNavItems?: readonly NavItemKey[];
  /** The signed-in member's inbox of this workspace: the bell links there with the unread count. */
  notifications?: { href: string; unread: number };
  /** Optional counts shown next to nav items, e.g. `{ gaps: 12 }`. */
  navCounts?: Partial<Record<NavItemKey, number>>;
  /** Server action that signs out; falls back to a link to `signOutHref` (default "/sign-out"). */
  signOutAction?: (formData: FormData) => void | Promise<void>;
  signOutHref?: string;
  profileHref?: string;
  createWorkspaceHref?: string;
  children: ReactNode;
};

/**
 * Signed-in application frame: skip link, sidebar navigation (a drawer below `lg`), top bar with the
 * workspace switcher and user menu, and the `<main>` landmark. Presentational: all data comes in props.
 */
export function AppShell({
  workspace,
  workspaces,
  user,
  role,
  hiddenNavItems = [],
  navCounts,
  notifications,
  signOutAction,
  signOutHref,
  profileHref,
  createWorkspaceHref,
  children,
}: AppShellProps) {
  return (
    <div className="min-h-dvh bg-surface">
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100] focus:rounded-md focus:bg-background focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-foreground focus:shadow-lg focus:outline-2 focus:outline-ring"
      >
        Skip to content
      </a>

      <nav
        aria-label="Main"
        className="hidden border-r bg-background lg:fixed lg:inset-y-0 lg:left-0 lg:z-30 lg:flex lg:w-64 lg:flex-col"
      >
        <div className="flex h-14 shrink-0 items-center border-b px-4">
          <Link href={workspaceHref(workspace.slug)} className="rounded-md">
            <Logo />
          </Link>
        </div>
        <div className="flex-1 overflow-y-auto px-3 py-4">
          <SidebarNav slug={workspace.slug} hidden={hiddenNavItems} counts={navCounts} />
        </div>
      </nav>

      <div className="flex min-h-dvh flex-col lg:pl-64">
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-2 border-b bg-background px-3 sm:px-6">
          <MobileNav slug={workspace.slug} hidden={hiddenNavItems} counts={navCounts} />
          <WorkspaceSwitcher
            current={workspace}
            workspaces={workspaces}
            createWorkspaceHref={createWorkspaceHref}
          />
          <div className="ml-auto flex items-center gap-2">
            {notifications ? (
              <NotificationBell href={notifications.href} unread={notifications.unread} />
            ) : null}
            <UserMenu
              user={user}
              role={role}
              profileHref={profileHref}
              signOutAction={signOutAction}
              signOutHref={signOutHref}
            />
          </div>
        </header>

        <main id="main-content" tabIndex={-1} className="flex-1 outline-hidden">
          <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
