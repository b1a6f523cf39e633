import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, type LucideIcon, TriangleAlert } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

export const alertVariants = cva(
  "relative flex w-full gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        info: "border-info-border bg-info-soft text-info-foreground",
        success: "border-success-border bg-success-soft text-success-foreground",
        warning: "border-warning-border bg-warning-soft text-warning-foreground",
        error: "border-error-border bg-error-soft text-error-foreground",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

export type AlertVariant = NonNullable<VariantProps<typeof alertVariants>["variant"]>;

const ICONS: Record<AlertVariant, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  error: CircleAlert,
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> &
  VariantProps<typeof alertVariants> & {
    title?: ReactNode;
    /**
     * "assertive" → role="alert" (interrupts; use for errors that appear after an action),
     * "polite" → role="status", "off" → no live region (static notices present at page load).
     * Defaults to "assertive" for errors and "off" otherwise.
     */
    live?: "assertive" | "polite" | "off";
    hideIcon?: boolean;
  };

export function Alert({
  className,
  variant,
  title,
  live,
  hideIcon = false,
  children,
  ...props
}: AlertProps) {
  const resolved: AlertVariant = variant ?? "info";
  const mode = live ?? (resolved === "error" ? "assertive" : "off");
  const role = mode === "assertive" ? "alert" : mode === "polite" ? "status" : undefined;
  const Icon = ICONS[resolved];
  return (
    <div role={role} className={cn(alertVariants({ variant: resolved }), className)} {...props}>
      {hideIcon ? null : <Icon aria-hidden="true" />}
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="leading-5 font-semibold">{title}</p> : null}
        {children ? (
          <div className="leading-5 [&_a]:font-medium [&_a]:underline">{children}</div>
        ) : null}
      </div>
    </div>
  );
}
