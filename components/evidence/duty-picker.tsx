"use client";

import { useQuery } from "@tanstack/react-query";

import {
  evidenceQueryKeys,
  fetchDomains,
  fetchSystems,
} from "@/components/evidence/evidence-queries";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

export type DutyChoice = { systemId: string; domainKey: string; dutyId: string };

/**
 * Chooses one responsibility part in three steps: AI system → security domain → side. Each step's
 * choices load when the previous one is made (the library page does not carry the whole matrix).
 */
export function DutyPicker({
  workspaceSlug,
  idPrefix,
  value,
  onChange,
  error,
}: {
  workspaceSlug: string;
  idPrefix: string;
  value: DutyChoice;
  onChange: (value: DutyChoice) => void;
  error?: string[];
}) {
  const systems = useQuery({
    queryKey: evidenceQueryKeys.systems(workspaceSlug),
    queryFn: () => fetchSystems(workspaceSlug),
  });
  const domains = useQuery({
    queryKey: evidenceQueryKeys.domains(workspaceSlug, value.systemId),
    queryFn: () => fetchDomains(workspaceSlug, value.systemId),
    enabled: value.systemId !== "",
  });
  const domain = domains.data?.find((d) => d.key === value.domainKey);
  const loadError = systems.error ?? domains.error;
  return (
    <div className="grid gap-3">
      <FormField id={`${idPrefix}-system`} label="AI system" required>
        <NativeSelect
          value={value.systemId}
          disabled={systems.isPending}
          onChange={(e) => onChange({ systemId: e.target.value, domainKey: "", dutyId: "" })}
        >
          <option value="">{systems.isPending ? "Loading systems…" : "Choose a system"}</option>
          {systems.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={`${idPrefix}-domain`} label="Security domain" required>
        <NativeSelect
          value={value.domainKey}
          disabled={!value.systemId || domains.isPending}
          onChange={(e) => {
            const next = domains.data?.find((d) => d.key === e.target.value);
            // A domain with a single part needs no third choice.
            const only = next?.parts.length === 1 ? (next.parts[0]?.id ?? "") : "";
            onChange({ ...value, domainKey: e.target.value, dutyId: only });
          }}
        >
          <option value="">
            {value.systemId && domains.isPending ? "Loading domains…" : "Choose a domain"}
          </option>
          {domains.data?.map((d) => (
            <option key={d.key} value={d.key}>
              {d.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={`${idPrefix}-side`} label="Side" required error={error}>
        <NativeSelect
          value={value.dutyId}
          disabled={!domain}
          onChange={(e) => onChange({ ...value, dutyId: e.target.value })}
        >
          <option value="">Choose a side</option>
          {domain?.parts.map((p) => (
            <option key={p.id} value={p.id}>
              {SIDE_LABELS[p.side]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {loadError ? (
        <p role="alert" className="text-sm text-destructive">
          {loadError.message}
        </p>
      ) : null}
      {value.systemId && domains.data?.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          This system has no duties to link evidence to.
        </p>
      ) : null}
    </div>
  );
}
