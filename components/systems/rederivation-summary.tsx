import { DutyLossList, type DutyLossView } from "@/components/systems/duty-loss-list";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import type { ResponsibilityValue } from "@/lib/domain/responsibility";

export type RederivationSummaryView = {
  addedDomains: string[];
  removedDomains: string[];
  valueChanges: {
    domainKey: string;
    from: ResponsibilityValue | null;
    to: ResponsibilityValue | null;
    criticalFrom: boolean | null;
    criticalTo: boolean | null;
  }[];
  addedDuties: number;
  restoredDuties: number;
  removedDuties: number;
  keptDuties: number;
  keptOwners: number;
  keptEvidenceLinks: number;
  lostWork: { dutiesWithOwner: number; evidenceLinks: number };
  isNoop: boolean;
  domainNames: Record<string, string>;
  /** Exactly what is removed; its hash is sent with the save as the confirmation. */
  loss: DutyLossView;
};

/** What a re-derivation will change and keep, shown before the user confirms it. */
export function RederivationSummary({ plan }: { plan: RederivationSummaryView }) {
  const name = (key: string) => plan.domainNames[key] ?? key;
  if (plan.isNoop) return <p className="text-sm">The duties stay exactly as they are.</p>;
  return (
    <div className="grid gap-3 text-sm">
      <p>
        <strong>{plan.keptDuties}</strong> duties stay as they are, with {plan.keptOwners} owners
        and {plan.keptEvidenceLinks} evidence links. <strong>{plan.addedDuties}</strong> new duties
        are created; <strong>{plan.removedDuties}</strong> are removed.
      </p>
      {plan.restoredDuties > 0 ? (
        <p>
          {plan.restoredDuties} of the new duties come back from an earlier change with their
          owners, statuses, justifications and evidence links.
        </p>
      ) : null}
      {plan.lostWork.dutiesWithOwner + plan.lostWork.evidenceLinks > 0 ? (
        <p className="font-medium text-destructive">
          Removed duties carry {plan.lostWork.dutiesWithOwner} owners and{" "}
          {plan.lostWork.evidenceLinks} evidence links.
        </p>
      ) : null}
      <DutyLossList loss={plan.loss} domainName={name} />
      {plan.addedDomains.length > 0 ? (
        <p>New domains: {plan.addedDomains.map(name).join(", ")}.</p>
      ) : null}
      {plan.removedDomains.length > 0 ? (
        <p>Domains no longer in scope: {plan.removedDomains.map(name).join(", ")}.</p>
      ) : null}
      {plan.valueChanges.length > 0 ? (
        <div>
          <p className="font-medium">Value changes</p>
          <ul className="grid gap-1">
            {plan.valueChanges.map((change) => (
              <li key={change.domainKey} className="flex flex-wrap items-center gap-2">
                <span>{name(change.domainKey)}:</span>
                {change.from ? <ResponsibilityBadge value={change.from} /> : null}
                <span aria-hidden="true">→</span>
                <span className="sr-only">becomes</span>
                {change.to ? <ResponsibilityBadge value={change.to} /> : null}
                {change.criticalFrom !== change.criticalTo ? (
                  <span className="text-xs text-muted-foreground">
                    {change.criticalTo ? "(now critical)" : "(no longer critical)"}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
