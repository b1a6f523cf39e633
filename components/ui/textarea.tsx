import type { ComponentProps } from "react";

import { inputClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      className={cn(inputClassName, "h-auto min-h-20 py-2", className)}
      {...props}
    />
  );
}
