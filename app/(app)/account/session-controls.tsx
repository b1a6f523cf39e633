"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { endSessionAction, signOutEverywhereAction } from "@/lib/actions/account";

export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const { executeAsync } = useAction(endSessionAction);
  return (
    <ConfirmAction
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive">
          Sign out<span className="sr-only"> {label}</span>
        </Button>
      }
      title="Sign out this session?"
      description={`${label} is signed out on its next request.`}
      confirmLabel="Sign out session"
      run={() => executeAsync({ sessionId })}
    />
  );
}

export function SignOutEverywhereButton({ count }: { count: number }) {
  const { executeAsync } = useAction(signOutEverywhereAction);
  return (
    <ConfirmAction
      trigger={<Button variant="outline">Sign out everywhere</Button>}
      title="Sign out everywhere?"
      description={`All ${count} session${count === 1 ? "" : "s"} of your account end now, this one included. You will need to sign in again.`}
      confirmLabel="Sign out everywhere"
      run={() => executeAsync({})}
    />
  );
}
