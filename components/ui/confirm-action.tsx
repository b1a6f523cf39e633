"use client";

import { useState } from "react";

import { ConfirmDialog, type ConfirmDialogProps } from "@/components/ui/confirm-dialog";
import { type ChainResult, resultFormError } from "@/lib/actions/result";

/**
 * A button that asks for confirmation, then runs one server action and shows the action's error
 * (if any) under the button: the shape of every remove, revoke and transfer control.
 * `run` is usually `() => executeAsync(input)` of next-safe-action's `useAction`.
 */
export function ConfirmAction({
  run,
  ...dialog
}: Omit<ConfirmDialogProps, "action" | "fields" | "onConfirm"> & {
  run: () => Promise<ChainResult | undefined>;
}) {
  const [error, setError] = useState<string>();
  return (
    <>
      <ConfirmDialog {...dialog} onConfirm={async () => setError(resultFormError(await run()))} />
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}
