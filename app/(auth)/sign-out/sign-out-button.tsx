"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/auth";

export function SignOutButton() {
  const { execute, isPending } = useAction(signOutAction);
  return (
    <Button type="button" onClick={() => execute()} disabled={isPending} className="w-full">
      {isPending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
