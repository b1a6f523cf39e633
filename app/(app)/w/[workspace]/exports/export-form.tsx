"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";
import type { ExportChoices } from "@/lib/view/exports/export-job";

import { startExportAction } from "@/lib/actions/exports";
import { exportQueryKeys } from "./query-keys";

function PickList({
  legend,
  name,
  items,
  error,
}: {
  legend: string;
  name: string;
  items: { value: string; label: string }[];
  error?: string[];
}) {
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p className="text-xs text-muted-foreground">Tick none to include all.</p>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing to choose yet.</p>
      ) : (
        <div className="grid max-h-56 gap-1.5 overflow-y-auto rounded-md border p-2">
          {items.map((item) => (
            <label key={item.value} className="flex items-center gap-2 text-sm">
              <Checkbox name={name} value={item.value} />
              {item.label}
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id={`${name}-error`} className="text-xs font-medium text-destructive">
          {error.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ExportForm({ slug, choices }: { slug: string; choices: ExportChoices }) {
  const queryClient = useQueryClient();
  const { execute, result, isPending } = useAction(startExportAction.bind(null, slug), {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: exportQueryKeys.list(slug) }),
  });
  const fieldErrors = resultFieldErrors(result);
  const formError = resultFormError(result);
  return (
    <form
      noValidate
      className="grid gap-5"
      action={(formData) =>
        execute({
          systemIds: formData.getAll("systemIds").map(String),
          domainKeys: formData.getAll("domainKeys").map(String),
          from: String(formData.get("from") ?? "") || undefined,
          to: String(formData.get("to") ?? "") || undefined,
          includeFiles: formData.get("includeFiles") === "on",
        })
      }
    >
      <div className="grid gap-5 md:grid-cols-2">
        <PickList
          legend="AI systems"
          name="systemIds"
          error={fieldErrors.systemIds}
          items={choices.systems.map((s) => ({
            value: s.id,
            label: s.archived ? `${s.name} (archived)` : s.name,
          }))}
        />
        <PickList
          legend="Security domains"
          name="domainKeys"
          error={fieldErrors.domainKeys}
          items={choices.domains.map((d) => ({ value: d.key, label: d.name }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <FormField id="export-from" label="Evidence and audit events from" error={fieldErrors.from}>
          <Input name="from" type="date" />
        </FormField>
        <FormField id="export-to" label="Until (inclusive)" error={fieldErrors.to}>
          <Input name="to" type="date" />
        </FormField>
        <label className="flex items-center gap-2 text-sm lg:pb-2">
          <Checkbox name="includeFiles" defaultChecked />
          Include evidence files
        </label>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Starting…" : "Start export"}
        </Button>
      </div>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {result.data ? (
        <Alert variant="success" live="polite">
          Export queued. Its progress shows below; you can leave this page and come back.
        </Alert>
      ) : null}
    </form>
  );
}
