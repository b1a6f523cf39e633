import { Inbox, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

export type EmptyStateProps = {
  title: string;
  description?: ReactNode;
  /** A lucide icon component; decorative. */
  icon?: LucideIcon;
  /** Usually a `<Button>` or `<Button asChild><Link/></Button>`. */
  action?: ReactNode;
  /** Heading level so the empty state fits the page outline. */
  headingLevel?: "h2" | "h3";
  className?: string;
};

export function EmptyState({
  title,
  description,
  icon: Icon = Inbox,
  action,
  headingLevel: Heading = "h2",
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center rounded-xl border border-dashed bg-card px-6 py-12 text-center",
        className,
      )}
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground">
        <Icon aria-hidden="true" className="size-6" />
      </div>
      <Heading className="mt-4 text-base font-semibold text-foreground">{title}</Heading>
      {description ? (
        <div className="mt-1.5 max-w-md text-sm text-muted-foreground">{description}</div>
      ) : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
