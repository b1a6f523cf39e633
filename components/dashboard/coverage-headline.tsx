import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import { formatRate } from "@/lib/view/dashboard/labels";

const RATES = [
  { key: "ownedRate", label: "Owned", hint: "of your parts have an owner" },
  { key: "implementedRate", label: "Implemented", hint: "of your parts are implemented" },
  { key: "evidencedRate", label: "Evidenced", hint: "of your parts have current evidence" },
  {
    key: "providerAssuredRate",
    label: "Provider-assured",
    hint: "of provider parts have a current attestation",
  },
] as const;

/** Headline coverage and the four rates, as a description list (numbers first, words beside). */
export function CoverageHeadline({ summary }: { summary: CoverageSummary }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="coverage-headline">
      <div className="rounded-xl border bg-card p-4 lg:row-span-1">
        <dt className="text-sm text-muted-foreground">Coverage</dt>
        <dd className="mt-1">
          <span className="text-3xl font-semibold tabular-nums" data-testid="coverage-value">
            {formatRate(summary.coverage)}
          </span>
          <span className="mt-1 block text-xs text-muted-foreground">
            {summary.coveredDuties} of {summary.totalDuties} parts covered
          </span>
        </dd>
      </div>
      {RATES.map((rate) => (
        <div key={rate.key} className="rounded-xl border bg-card p-4">
          <dt className="text-sm text-muted-foreground">{rate.label}</dt>
          <dd className="mt-1">
            <span className="text-2xl font-semibold tabular-nums" data-testid={`rate-${rate.key}`}>
              {formatRate(summary[rate.key])}
            </span>
            <span className="mt-1 block text-xs text-muted-foreground">{rate.hint}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
