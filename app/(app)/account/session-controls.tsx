"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { endSessionAction, signOutEverywhereAction } from "@/lib/actions/account";
import { resultFormError } from "@/lib/actions/result";

export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const { executeAsync, result } = useAction(endSessionAction);
  const formError = resultFormError(result);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="text-destructive">
            Sign out<span className="sr-only"> {label}</span>
          </Button>
        }
        title="Sign out this session?"
        description={`${label} is signed out on its next request.`}
        confirmLabel="Sign out session"
        onConfirm={() => executeAsync({ sessionId })}
      />
      {formError ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {formError}
        </p>
      ) : null}
    </>
  );
}

export function SignOutEverywhereButton({ count }: { count: number }) {
  const { executeAsync } = useAction(signOutEverywhereAction);
  return (
    <ConfirmDialog
      trigger={<Button variant="outline">Sign out everywhere</Button>}
      title="Sign out everywhere?"
      description={`All ${count} session${count === 1 ? "" : "s"} of your account end now, this one included. You will need to sign in again.`}
      confirmLabel="Sign out everywhere"
      onConfirm={() => executeAsync({})}
    />
  );
}
