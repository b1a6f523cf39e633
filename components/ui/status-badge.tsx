import {
  Ban,
  CircleCheck,
  CircleDashed,
  CircleDot,
  Clock,
  Flame,
  History,
  type LucideIcon,
  ShieldAlert,
  Trash2,
  TriangleAlert,
  XCircle,
} from "lucide-react";

import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { PLAN_STATUS_LABELS } from "@/lib/validation/plans";
import { DUTY_STATUS_LABELS } from "@/lib/validation/responsibilities";

type StatusStyle = { label: string; variant: BadgeVariant; icon?: LucideIcon };

function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function StyledBadge({
  styles,
  value,
  className,
}: {
  styles: Record<string, StatusStyle>;
  value: string;
  className?: string;
}) {
  const style = styles[value] ?? { label: humanize(value), variant: "muted" as const };
  const Icon = style.icon;
  return (
    <Badge variant={style.variant} className={className}>
      {Icon ? <Icon aria-hidden="true" /> : null}
      {style.label}
    </Badge>
  );
}

const DUTY_STATUS: Record<string, StatusStyle> = {
  NOT_STARTED: { label: DUTY_STATUS_LABELS.NOT_STARTED, variant: "muted", icon: CircleDashed },
  IN_PROGRESS: { label: DUTY_STATUS_LABELS.IN_PROGRESS, variant: "info", icon: CircleDot },
  IMPLEMENTED: { label: DUTY_STATUS_LABELS.IMPLEMENTED, variant: "success", icon: CircleCheck },
  NOT_APPLICABLE: { label: DUTY_STATUS_LABELS.NOT_APPLICABLE, variant: "outline", icon: Ban },
  RISK_ACCEPTED: { label: DUTY_STATUS_LABELS.RISK_ACCEPTED, variant: "warning", icon: ShieldAlert },
};

/** Status of a responsibility part: NOT_STARTED, IN_PROGRESS, IMPLEMENTED, NOT_APPLICABLE, RISK_ACCEPTED. */
export function DutyStatusBadge({ status, className }: { status: string; className?: string }) {
  return <StyledBadge styles={DUTY_STATUS} value={status} className={className} />;
}

const EVIDENCE_STATE: Record<string, StatusStyle> = {
  current: { label: "Current", variant: "success", icon: CircleCheck },
  expiring_soon: { label: "Expiring soon", variant: "warning", icon: Clock },
  expired: { label: "Expired", variant: "destructive", icon: TriangleAlert },
  rejected: { label: "Rejected", variant: "destructive", icon: XCircle },
  superseded: { label: "Superseded", variant: "muted", icon: History },
  deleted: { label: "Deleted", variant: "muted", icon: Trash2 },
};

/** Display state from `evidenceState()` in lib/domain/evidence-state.ts. */
export function EvidenceStateBadge({ state, className }: { state: string; className?: string }) {
  return <StyledBadge styles={EVIDENCE_STATE} value={state} className={className} />;
}

const REVIEW_STATUS: Record<string, StatusStyle> = {
  PENDING: { label: "Pending review", variant: "muted", icon: Clock },
  ACCEPTED: { label: "Accepted", variant: "success", icon: CircleCheck },
  REJECTED: { label: "Rejected", variant: "destructive", icon: XCircle },
};

export function ReviewStatusBadge({ status, className }: { status: string; className?: string }) {
  return <StyledBadge styles={REVIEW_STATUS} value={status} className={className} />;
}

const RISK_TIER: Record<string, StatusStyle> = {
  CRITICAL: { label: "Critical", variant: "destructive", icon: Flame },
  HIGH: { label: "High", variant: "warning" },
  MEDIUM: { label: "Medium", variant: "info" },
  LOW: { label: "Low", variant: "muted" },
};

export function RiskTierBadge({ tier, className }: { tier: string | null; className?: string }) {
  if (tier === null)
    return (
      <Badge variant="outline" className={className}>
        Unclassified
      </Badge>
    );
  return <StyledBadge styles={RISK_TIER} value={tier} className={className} />;
}

const LIFECYCLE: Record<string, StatusStyle> = {
  PLANNED: { label: "Planned", variant: "outline" },
  PILOT: { label: "Pilot", variant: "info" },
  PRODUCTION: { label: "Production", variant: "success" },
  RETIRED: { label: "Retired", variant: "muted" },
};

export function LifecycleBadge({
  lifecycle,
  className,
}: {
  lifecycle: string;
  className?: string;
}) {
  return <StyledBadge styles={LIFECYCLE} value={lifecycle} className={className} />;
}

const EXPORT_STATUS: Record<string, StatusStyle> = {
  QUEUED: { label: "Queued", variant: "muted", icon: Clock },
  RUNNING: { label: "Running", variant: "info", icon: CircleDot },
  DONE: { label: "Ready", variant: "success", icon: CircleCheck },
  FAILED: { label: "Failed", variant: "destructive", icon: XCircle },
  CANCELLED: { label: "Cancelled", variant: "muted", icon: Ban },
};

export function ExportStatusBadge({ status, className }: { status: string; className?: string }) {
  return <StyledBadge styles={EXPORT_STATUS} value={status} className={className} />;
}

/** Flag for critical-focus cells (agent governance etc.), which sort first. */
export function CriticalBadge({ className }: { className?: string }) {
  return (
    <Badge variant="destructive" className={className}>
      <Flame aria-hidden="true" />
      Critical
    </Badge>
  );
}

/** Generic status badge for any enum-like value with an explicit variant. */
export function StatusBadge({
  label,
  variant = "muted",
  className,
}: {
  label: string;
  variant?: BadgeVariant;
  className?: string;
}) {
  return (
    <Badge variant={variant} className={className}>
      {label}
    </Badge>
  );
}

const PLAN_STATUS: Record<string, StatusStyle> = {
  OPEN: { label: PLAN_STATUS_LABELS.OPEN, variant: "muted", icon: CircleDashed },
  IN_PROGRESS: { label: PLAN_STATUS_LABELS.IN_PROGRESS, variant: "info", icon: CircleDot },
  DONE: { label: PLAN_STATUS_LABELS.DONE, variant: "success", icon: CircleCheck },
  CANCELLED: { label: PLAN_STATUS_LABELS.CANCELLED, variant: "outline", icon: Ban },
};

/** Status of an action plan: OPEN, IN_PROGRESS, DONE, CANCELLED. */
export function PlanStatusBadge({ status, className }: { status: string; className?: string }) {
  return <StyledBadge styles={PLAN_STATUS} value={status} className={className} />;
}

/** A due date that has passed (lib/domain/overdue.ts): said in words, not by colour alone. */
export function OverdueBadge({ className }: { className?: string }) {
  return (
    <Badge variant="destructive" className={className}>
      <Clock aria-hidden="true" />
      Overdue
    </Badge>
  );
}
