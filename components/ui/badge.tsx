import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils/cn";

export const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "border-transparent bg-primary text-primary-foreground",
        secondary: "border-transparent bg-secondary text-secondary-foreground",
        outline: "border-border bg-background text-foreground",
        muted: "border-na-border bg-na-soft text-na-foreground",
        info: "border-info-border bg-info-soft text-info-foreground",
        success: "border-success-border bg-success-soft text-success-foreground",
        warning: "border-warning-border bg-warning-soft text-warning-foreground",
        destructive: "border-error-border bg-error-soft text-error-foreground",
        accent: "border-transparent bg-primary-soft text-primary-soft-foreground",
        // Responsibility values (P / C / S / NA); always rendered with their text.
        provider: "border-provider-border bg-provider-soft text-provider-foreground",
        customer: "border-customer-border bg-customer-soft text-customer-foreground",
        shared: "border-shared-border bg-shared-soft text-shared-foreground",
        na: "border-na-border bg-na-soft text-na-foreground",
      },
    },
    defaultVariants: { variant: "secondary" },
  },
);

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>["variant"]>;

export type BadgeProps = ComponentProps<"span"> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
