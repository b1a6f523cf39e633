import { CriticalMarker } from "@/components/frameworks/critical-marker";
import { ScaleBadge } from "@/components/frameworks/scale-badge";
import type { ScaleEntry } from "@/components/frameworks/scale-style";

/** Key for a framework's scale and the critical-focus marker. */
export function ScaleLegend({
  scale,
  showCritical = true,
}: {
  scale: ScaleEntry[];
  showCritical?: boolean;
}) {
  return (
    <section aria-labelledby="scale-legend-heading" className="rounded-lg border bg-card p-4">
      <h2 id="scale-legend-heading" className="mb-3 text-sm font-semibold">
        Legend
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
        {scale.map((entry) => (
          <div key={entry.code} className="flex items-start gap-3">
            <dt className="shrink-0">
              <ScaleBadge code={entry.code} entry={entry} />
            </dt>
            <dd className="text-sm text-muted-foreground">{entry.description}</dd>
          </div>
        ))}
        {showCritical ? (
          <div className="flex items-start gap-3">
            <dt className="shrink-0">
              <CriticalMarker />
            </dt>
            <dd className="text-sm text-muted-foreground">
              The framework marks this cell as a critical focus area for that deployment model.
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
