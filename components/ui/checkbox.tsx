import type { ComponentProps } from "react";

import { cn } from "@/lib/utils/cn";

export type CheckboxProps = Omit<ComponentProps<"input">, "type">;

/**
 * A native checkbox (so it posts with plain forms and server actions), styled with the accent colour.
 * Pair it with a `<Label htmlFor>` or wrap both in a `<label>`.
 */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <input
      type="checkbox"
      className={cn(
        "peer size-4 shrink-0 rounded-sm border border-input accent-primary",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
