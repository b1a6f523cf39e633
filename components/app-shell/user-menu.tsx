"use client";

import { LogOut, User } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type ShellUser = { name: string | null; email: string };

export type UserMenuProps = {
  user: ShellUser;
  role: string;
  /** Link for the "Profile" item; the item is hidden when absent. */
  profileHref?: string;
  /** Server action that signs the user out. When absent, "Sign out" links to `signOutHref`. */
  signOutAction?: (formData: FormData) => void | Promise<void>;
  signOutHref?: string;
};

function initials(user: ShellUser): string {
  const source = user.name?.trim() || user.email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  const letters =
    parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts[1]?.[0] ?? ""}` : source.slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({
  user,
  role,
  profileHref,
  signOutAction,
  signOutHref = "/sign-out",
}: UserMenuProps) {
  // The sign-out form lives outside the menu's portal: menu items unmount when the menu closes,
  // which would cancel a submission started from inside it.
  const signOutForm = useRef<HTMLFormElement>(null);
  const displayName = user.name?.trim() || user.email;

  return (
    <>
      {signOutAction ? <form ref={signOutForm} action={signOutAction} hidden /> : null}
      <DropdownMenu>
        <DropdownMenuTrigger className="flex items-center gap-2 rounded-full p-0.5 transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring data-[state=open]:bg-accent sm:rounded-md sm:pr-2">
          <span
            aria-hidden="true"
            className="flex size-8 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-foreground"
          >
            {initials(user)}
          </span>
          <span className="hidden max-w-40 truncate text-sm font-medium text-foreground sm:inline">
            {displayName}
          </span>
          <span className="sr-only">Open user menu</span>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" portal={false} className="w-64">
          <DropdownMenuLabel className="flex flex-col gap-1 py-2 font-normal">
            <span className="truncate text-sm font-medium text-foreground">{displayName}</span>
            <span className="truncate text-xs text-muted-foreground">{user.email}</span>
            <Badge variant="accent" className="mt-1">
              {roleLabel(role)}
            </Badge>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          {profileHref ? (
            <DropdownMenuItem asChild>
              <Link href={profileHref}>
                <User aria-hidden="true" />
                Profile
              </Link>
            </DropdownMenuItem>
          ) : null}
          {signOutAction ? (
            <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
              <LogOut aria-hidden="true" />
              Sign out
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem asChild>
              <Link href={signOutHref} prefetch={false}>
                <LogOut aria-hidden="true" />
                Sign out
              </Link>
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
