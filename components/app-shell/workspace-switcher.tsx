"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";

import { workspaceHref } from "@/components/app-shell/nav-items";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils/cn";

export type WorkspaceSummary = { slug: string; name: string };

export type WorkspaceSwitcherProps = {
  current: WorkspaceSummary;
  /** Every workspace the user belongs to (the current one included or not). */
  workspaces: readonly WorkspaceSummary[];
  /** Where "Create workspace" leads; the item is hidden when absent. */
  createWorkspaceHref?: string;
  className?: string;
};

export function WorkspaceInitial({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-6 shrink-0 items-center justify-center rounded-md bg-slate-800 text-xs font-semibold text-white",
        className,
      )}
    >
      {name.trim().charAt(0).toUpperCase() || "W"}
    </span>
  );
}

export function WorkspaceSwitcher({
  current,
  workspaces,
  createWorkspaceHref,
  className,
}: WorkspaceSwitcherProps) {
  const all = workspaces.some((workspace) => workspace.slug === current.slug)
    ? workspaces
    : [current, ...workspaces];

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(
          "flex h-9 max-w-64 min-w-0 items-center gap-2 rounded-md px-2 text-sm font-medium text-foreground transition-colors hover:bg-accent",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring data-[state=open]:bg-accent",
          className,
        )}
      >
        <WorkspaceInitial name={current.name} />
        <span className="sr-only">Workspace: </span>
        <span className="truncate">{current.name}</span>
        <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" portal={false} className="w-64">
        <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
        {all.map((workspace) => {
          const isCurrent = workspace.slug === current.slug;
          return (
            <DropdownMenuItem key={workspace.slug} asChild>
              <Link
                href={workspaceHref(workspace.slug)}
                aria-current={isCurrent ? "page" : undefined}
              >
                <WorkspaceInitial name={workspace.name} className="size-5 text-[0.65rem]" />
                <span className="truncate">{workspace.name}</span>
                {isCurrent ? (
                  <>
                    <Check aria-hidden="true" className="ml-auto size-4 text-primary" />
                    <span className="sr-only">(current)</span>
                  </>
                ) : null}
              </Link>
            </DropdownMenuItem>
          );
        })}
        {createWorkspaceHref ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem asChild>
              <Link href={createWorkspaceHref}>
                <Plus aria-hidden="true" />
                Create workspace
              </Link>
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
