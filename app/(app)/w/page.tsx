import { Building2, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Logo } from "@/components/brand/logo";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getSessionWorkspaces, requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your workspaces" };

/** Workspace picker: goes straight to the only workspace, lists several, offers to create one. */
type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function WorkspacePickerPage({ searchParams }: Props) {
  const session = await requireSession("/w");
  const { deleted } = await searchParams;
  const workspaces = (await getSessionWorkspaces()).map((m) => ({ ...m.workspace, role: m.role }));
  if (workspaces.length === 1 && workspaces[0] && !deleted) redirect(`/w/${workspaces[0].slug}`);
  return (
    <div className="min-h-dvh bg-surface">
      <header className="flex h-16 items-center justify-between px-6">
        <Link href="/" className="rounded-md">
          <Logo />
        </Link>
        <div className="flex gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/account">Your account</Link>
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link href="/sign-out">Sign out</Link>
          </Button>
        </div>
      </header>
      <main id="main-content" className="mx-auto w-full max-w-2xl px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Your workspaces</h1>
        <p className="mt-1 text-sm text-muted-foreground">Signed in as {session.user.email}.</p>
        {deleted ? (
          <Alert variant="success" live="polite" className="mt-4">
            The workspace {deleted.slice(0, 60)} was deleted.
          </Alert>
        ) : null}
        <div className="mt-6">
          {workspaces.length === 0 ? (
            <EmptyState
              icon={Building2}
              title="You are not in any workspace yet"
              description="Create a workspace for your organisation, or open the invitation link a colleague sent you."
              action={
                <Button asChild>
                  <Link href="/w/new">
                    <Plus aria-hidden="true" />
                    Create a workspace
                  </Link>
                </Button>
              }
            />
          ) : (
            <ul className="divide-y rounded-xl border bg-card">
              {workspaces.map((workspace) => (
                <li key={workspace.id}>
                  <Link
                    href={`/w/${workspace.slug}`}
                    className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
                  >
                    <span className="font-medium">{workspace.name}</span>
                    <Badge variant="accent">{roleLabel(workspace.role)}</Badge>
                  </Link>
                </li>
              ))}
              <li>
                <Link
                  href="/w/new"
                  className="flex items-center gap-2 px-4 py-3 text-sm font-medium text-primary hover:bg-accent"
                >
                  <Plus aria-hidden="true" className="size-4" />
                  Create a workspace
                </Link>
              </li>
            </ul>
          )}
        </div>
      </main>
    </div>
  );
}
