"use client";

import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge } from "@/components/ui/status-badge";
import { deriveResponsibilities, UnknownColumnError } from "@/lib/domain/derivation";
import type { PickerFrameworkVersion } from "@/lib/view/systems/picker-types";

/**
 * The duties a choice of deployment models creates, computed in the browser with the same
 * derivation the server uses (lib/domain/derivation.ts), so what is shown is what will be saved.
 */
export function DutyPreview({
  version,
  models,
}: {
  version: PickerFrameworkVersion;
  models: string[];
}) {
  let derived;
  try {
    derived = deriveResponsibilities({
      rows: version.rows.map((r) => r.key),
      cells: version.cells,
      columnKeys: models,
    });
  } catch (error) {
    if (error instanceof UnknownColumnError)
      return (
        <p className="text-sm text-destructive">
          Choose deployment models of this framework version.
        </p>
      );
    throw error;
  }
  const names = new Map(version.rows.map((row) => [row.key, row.name]));
  const count = (value: string) => derived.filter((d) => d.value === value).length;
  const critical = derived.filter((d) => d.critical && d.value !== "NA");
  return (
    <section
      aria-labelledby="duty-preview-title"
      className="grid gap-3 rounded-lg border bg-muted/30 p-4"
    >
      <h2 id="duty-preview-title" className="text-sm font-semibold">
        Duties this system will get
      </h2>
      <p aria-live="polite" className="text-sm">
        Of {derived.length} security domains: <strong>{count("C")}</strong> customer,{" "}
        <strong>{count("P")}</strong> provider, <strong>{count("S")}</strong> shared and{" "}
        <strong>{count("NA")}</strong> not applicable.
      </p>
      <ul className="flex flex-wrap gap-2" aria-label="Duty counts">
        <li>
          <ResponsibilityBadge value="C" /> <span className="sr-only">{count("C")}</span>
        </li>
        <li>
          <ResponsibilityBadge value="S" /> <span className="sr-only">{count("S")}</span>
        </li>
        <li>
          <ResponsibilityBadge value="P" /> <span className="sr-only">{count("P")}</span>
        </li>
      </ul>
      {critical.length > 0 ? (
        <div className="grid gap-1">
          <p className="flex items-center gap-2 text-sm font-medium">
            <CriticalBadge /> {critical.length} critical{" "}
            {critical.length === 1 ? "domain" : "domains"} (handled first):
          </p>
          <ul className="ml-5 list-disc text-sm text-muted-foreground">
            {critical.map((d) => (
              <li key={d.rowKey}>
                {names.get(d.rowKey) ?? d.rowKey} —{" "}
                <ResponsibilityBadge value={d.value} display="label" />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">
          None of these domains is marked critical for this choice.
        </p>
      )}
    </section>
  );
}
