"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { UseFormRegisterReturn } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { startExportAction } from "@/lib/actions/exports";
import { useActionForm } from "@/lib/forms/use-action-form";
import { exportScopeSchema } from "@/lib/validation/exports";
import type { ExportChoices } from "@/lib/view/exports/export-job";

import { exportQueryKeys } from "./query-keys";

function PickList({
  legend,
  name,
  items,
  error,
  register,
}: {
  legend: string;
  name: string;
  items: { value: string; label: string }[];
  error?: string;
  register: UseFormRegisterReturn;
}) {
  return (
    <fieldset
      className="grid gap-2"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="text-sm font-medium">{legend}</legend>
      <p className="text-xs text-muted-foreground">Tick none to include all.</p>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing to choose yet.</p>
      ) : (
        <div className="grid max-h-56 gap-1.5 overflow-y-auto rounded-md border p-2">
          {items.map((item) => (
            <label key={item.value} className="flex items-center gap-2 text-sm">
              <Checkbox value={item.value} {...register} />
              {item.label}
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id={`${name}-error`} className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ExportForm({ slug, choices }: { slug: string; choices: ExportChoices }) {
  const queryClient = useQueryClient();
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: startExportAction.bind(null, slug),
    schema: exportScopeSchema,
    // Arrays as defaults make react-hook-form read each checkbox group as a list, even of one.
    defaultValues: { systemIds: [], domainKeys: [], includeFiles: true },
    actionProps: {
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: exportQueryKeys.list(slug) }),
    },
  });
  // An empty date field means "no bound", not an invalid date.
  const optionalDay = { setValueAs: (value: string) => value || undefined };
  return (
    <form noValidate className="grid gap-5" onSubmit={onSubmit}>
      <div className="grid gap-5 md:grid-cols-2">
        <PickList
          legend="AI systems"
          name="systemIds"
          error={fieldError("systemIds")}
          register={form.register("systemIds")}
          items={choices.systems.map((s) => ({
            value: s.id,
            label: s.archived ? `${s.name} (archived)` : s.name,
          }))}
        />
        <PickList
          legend="Security domains"
          name="domainKeys"
          error={fieldError("domainKeys")}
          register={form.register("domainKeys")}
          items={choices.domains.map((d) => ({ value: d.key, label: d.name }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <FormField
          id="export-from"
          label="Evidence and audit events from"
          error={fieldError("from")}
        >
          <Input type="date" {...form.register("from", optionalDay)} />
        </FormField>
        <FormField id="export-to" label="Until (inclusive)" error={fieldError("to")}>
          <Input type="date" {...form.register("to", optionalDay)} />
        </FormField>
        <label className="flex items-center gap-2 text-sm lg:pb-2">
          <Checkbox {...form.register("includeFiles")} />
          Include evidence files
        </label>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Starting…" : "Start export"}
        </Button>
      </div>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {action.result.data ? (
        <Alert variant="success" live="polite">
          Export queued. Its progress shows below; you can leave this page and come back.
        </Alert>
      ) : null}
    </form>
  );
}
