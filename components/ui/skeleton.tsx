import type { ComponentProps } from "react";

import { cn } from "@/lib/utils/cn";

/** Loading placeholder; hidden from assistive tech (announce loading with text elsewhere). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted motion-reduce:animate-none", className)}
      {...props}
    />
  );
}
