import type { ComponentProps } from "react";

import { cn } from "@/lib/utils/cn";

export type LabelProps = ComponentProps<"label"> & {
  /** Adds a visual asterisk; the control itself must still carry `required`. */
  required?: boolean;
};

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <label
      className={cn(
        "inline-flex items-center gap-1 text-sm leading-none font-medium text-foreground",
        "peer-disabled:cursor-not-allowed peer-disabled:opacity-70",
        className,
      )}
      {...props}
    >
      {children}
      {required ? (
        <span aria-hidden="true" className="text-destructive">
          *
        </span>
      ) : null}
    </label>
  );
}
