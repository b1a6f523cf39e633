import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";

import { inputClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";

export type NativeSelectProps = ComponentProps<"select"> & {
  /** Class for the wrapper (width, margins); `className` styles the `<select>` itself. */
  wrapperClassName?: string;
};

/** A styled native `<select>`: works in server-rendered forms and server actions without JS. */
export function NativeSelect({
  className,
  wrapperClassName,
  children,
  ...props
}: NativeSelectProps) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select className={cn(inputClassName, "appearance-none pr-9", className)} {...props}>
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
