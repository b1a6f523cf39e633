import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ResponsibilityValue } from "@/lib/domain/responsibility";
import { cn } from "@/lib/utils/cn";

export type ResponsibilityMeta = {
  code: ResponsibilityValue;
  label: string;
  variant: BadgeVariant;
  description: string;
  /** Solid swatch class for legends/charts (decorative; the code text carries the meaning). */
  swatchClassName: string;
};

export const RESPONSIBILITY_META: Record<ResponsibilityValue, ResponsibilityMeta> = {
  P: {
    code: "P",
    label: "Provider",
    variant: "provider",
    description: "The AI provider or vendor secures this domain. You collect their attestation.",
    swatchClassName: "bg-provider",
  },
  C: {
    code: "C",
    label: "Customer",
    variant: "customer",
    description: "Your organisation secures this domain: assign an owner and collect evidence.",
    swatchClassName: "bg-customer",
  },
  S: {
    code: "S",
    label: "Shared",
    variant: "shared",
    description: "Both sides have duties. Covered only when your part and the provider's part are.",
    swatchClassName: "bg-shared",
  },
  NA: {
    code: "NA",
    label: "Not applicable",
    variant: "na",
    description: "The domain does not apply to this deployment model. No one has a duty.",
    swatchClassName: "bg-na",
  },
};

export type ResponsibilityBadgeProps = {
  value: ResponsibilityValue;
  /** "both" shows "P Provider"; "code" shows only the code (the full label stays available to screen readers). */
  display?: "both" | "code" | "label";
  /** Marks a value set by an override rather than derived from the matrix. */
  overridden?: boolean;
  className?: string;
};

export function ResponsibilityBadge({
  value,
  display = "both",
  overridden = false,
  className,
}: ResponsibilityBadgeProps) {
  const meta = RESPONSIBILITY_META[value];
  return (
    <Badge
      variant={meta.variant}
      className={cn("font-semibold", className)}
      title={`${meta.label}${overridden ? " (overridden)" : ""}`}
    >
      {display !== "label" ? (
        <span aria-hidden={display === "code" ? true : undefined} className="tabular-nums">
          {meta.code}
        </span>
      ) : null}
      {display === "both" ? <span className="font-medium">{meta.label}</span> : null}
      {display === "label" ? <span>{meta.label}</span> : null}
      {display === "code" ? <span className="sr-only">{meta.label}</span> : null}
      {overridden ? (
        <>
          <span aria-hidden="true">*</span>
          <span className="sr-only">(overridden)</span>
        </>
      ) : null}
    </Badge>
  );
}

export type ResponsibilityLegendProps = {
  className?: string;
  /** Show each value's one-line description next to its badge. */
  withDescriptions?: boolean;
};

/** Key for P / C / S / NA, used above matrices and on the landing page. */
export function ResponsibilityLegend({
  className,
  withDescriptions = false,
}: ResponsibilityLegendProps) {
  const values = Object.values(RESPONSIBILITY_META);
  if (!withDescriptions) {
    return (
      <ul aria-label="Responsibility key" className={cn("flex flex-wrap gap-2", className)}>
        {values.map((meta) => (
          <li key={meta.code}>
            <ResponsibilityBadge value={meta.code} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className={cn("grid gap-3 sm:grid-cols-2", className)}>
      {values.map((meta) => (
        <div key={meta.code} className="flex items-start gap-3 rounded-lg border bg-card p-4">
          <dt className="shrink-0">
            <ResponsibilityBadge value={meta.code} />
          </dt>
          <dd className="text-sm text-muted-foreground">{meta.description}</dd>
        </div>
      ))}
    </dl>
  );
}
