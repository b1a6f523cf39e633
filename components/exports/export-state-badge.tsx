import { Ban, CircleCheck, Clock, Hourglass, Loader, type LucideIcon, XCircle } from "lucide-react";

import { Badge, type BadgeVariant } from "@/components/ui/badge";

export type ExportState = "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED" | "EXPIRED";

const STYLES: Record<ExportState, { label: string; variant: BadgeVariant; icon: LucideIcon }> = {
  QUEUED: { label: "Queued", variant: "muted", icon: Clock },
  RUNNING: { label: "Running", variant: "info", icon: Loader },
  DONE: { label: "Ready", variant: "success", icon: CircleCheck },
  FAILED: { label: "Failed", variant: "destructive", icon: XCircle },
  CANCELLED: { label: "Cancelled", variant: "warning", icon: Ban },
  EXPIRED: { label: "Expired", variant: "muted", icon: Hourglass },
};

export function ExportStateBadge({
  state,
  cancelRequested,
}: {
  state: ExportState;
  cancelRequested?: boolean;
}) {
  const style = STYLES[state];
  const Icon = style.icon;
  return (
    <Badge variant={style.variant}>
      <Icon aria-hidden="true" />
      {cancelRequested && state === "RUNNING" ? "Cancelling" : style.label}
    </Badge>
  );
}
