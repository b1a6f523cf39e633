"use client";

import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { updateStatementDraftAction } from "@/lib/actions/statements";
import { useActionForm } from "@/lib/forms/use-action-form";
import {
  STATEMENT_POSITIONS,
  type StatementDraft,
  type StatementPosition,
} from "@/lib/statements/format";
import { updateStatementDraftSchema } from "@/lib/validation/statements";
import {
  type AttestationCandidate,
  POSITION_LABELS,
  type StatementFrameworkShape,
} from "@/lib/view/statements/labels";

type AttestationFields = {
  title: string;
  type: string;
  validFrom: string;
  validUntil: string;
  sha256: string;
  fileName: string;
  domains: string;
};
type Fields = {
  productName: string;
  providerName: string;
  deploymentModels: string[] | string | boolean;
  positions: Record<string, StatementPosition | "">;
  attestations: AttestationFields[];
  problems?: string;
};

const blankToUndefined = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** The draft of a statement: product, deployment models, a position per domain, attestations. */
export function StatementEditor({
  slug,
  statementId,
  productName,
  providerName,
  draft,
  shape,
  candidates,
}: {
  slug: string;
  statementId: string;
  productName: string;
  providerName: string | null;
  draft: StatementDraft;
  shape: StatementFrameworkShape;
  candidates: AttestationCandidate[];
}) {
  const router = useRouter();
  const positions: Record<string, StatementPosition | ""> = Object.fromEntries(
    shape.domains.map((d) => [d.key, draft.domains.find((x) => x.key === d.key)?.position ?? ""]),
  );
  const { form, onSubmit, fieldError, formError, isPending, action } = useActionForm({
    action: updateStatementDraftAction.bind(null, slug),
    schema: updateStatementDraftSchema,
    defaultValues: {
      productName,
      providerName: providerName ?? "",
      deploymentModels: draft.deploymentModels,
      positions,
      attestations: draft.attestations.map((a) => ({
        title: a.title,
        type: a.type ?? "",
        validFrom: a.validFrom ?? "",
        validUntil: a.validUntil ?? "",
        sha256: a.sha256,
        fileName: a.fileName ?? "",
        domains: (a.domains ?? []).join(", "),
      })),
    } satisfies Fields,
    toInput: (values: Fields) => {
      const models = values.deploymentModels;
      return {
        statementId,
        productName: values.productName,
        providerName: values.providerName,
        body: {
          framework: draft.framework,
          // One checkbox gives a value, none false, several an array.
          deploymentModels: Array.isArray(models)
            ? models
            : typeof models === "string"
              ? [models]
              : [],
          domains: shape.domains.flatMap((d) => {
            const position = values.positions[d.key];
            return position ? [{ key: d.key, position }] : [];
          }),
          attestations: values.attestations.map((a) => ({
            title: a.title,
            type: blankToUndefined(a.type),
            validFrom: blankToUndefined(a.validFrom),
            validUntil: blankToUndefined(a.validUntil),
            sha256: a.sha256.trim().toLowerCase(),
            fileName: blankToUndefined(a.fileName),
            domains: blankToUndefined(a.domains)
              ?.split(",")
              .map((k) => k.trim())
              .filter(Boolean),
          })),
        },
      };
    },
    errorField: { body: "problems" },
    actionProps: { onSuccess: () => router.refresh() },
  });
  const attestations = useFieldArray({ control: form.control, name: "attestations" });
  const problems = fieldError("problems");
  const addCandidate = (id: string) => {
    const c = candidates.find((x) => x.id === id);
    if (!c) return;
    attestations.append({
      title: c.title,
      type: c.attestationType ?? "",
      validFrom: c.collectedAt.slice(0, 10),
      validUntil: c.validUntil?.slice(0, 10) ?? "",
      sha256: c.sha256,
      fileName: "",
      domains: "",
    });
  };
  return (
    <form className="grid gap-6" noValidate onSubmit={onSubmit} aria-label="Statement draft">
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="draft-product" label="Product name" error={fieldError("productName")}>
          <Input {...form.register("productName")} />
        </FormField>
        <FormField
          id="draft-provider"
          label="Provider name (optional, published)"
          error={fieldError("providerName")}
        >
          <Input {...form.register("providerName")} />
        </FormField>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Deployment models it applies to</legend>
        <div className="flex flex-wrap gap-4">
          {shape.deploymentModels.map((m) => (
            <label key={m.key} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={m.key} {...form.register("deploymentModels")} />
              {m.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Your position per domain</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {shape.domains.map((d) => (
            <label key={d.key} className="flex items-center justify-between gap-3 text-sm">
              <span>{d.name}</span>
              <NativeSelect
                wrapperClassName="w-56"
                aria-label={`Position on ${d.name}`}
                {...form.register(`positions.${d.key}`)}
              >
                <option value="">Not stated</option>
                {STATEMENT_POSITIONS.map((p) => (
                  <option key={p} value={p}>
                    {POSITION_LABELS[p]}
                  </option>
                ))}
              </NativeSelect>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Attestations</legend>
        {attestations.fields.map((field, index) => (
          <div key={field.id} className="grid gap-2 rounded-md border p-3 sm:grid-cols-3">
            <FormField id={`att-${index}-title`} label="Title">
              <Input {...form.register(`attestations.${index}.title`)} />
            </FormField>
            <FormField id={`att-${index}-type`} label="Type (optional)">
              <Input {...form.register(`attestations.${index}.type`)} />
            </FormField>
            <FormField id={`att-${index}-file`} label="File name (optional)">
              <Input {...form.register(`attestations.${index}.fileName`)} />
            </FormField>
            <FormField id={`att-${index}-from`} label="Valid from">
              <Input type="date" {...form.register(`attestations.${index}.validFrom`)} />
            </FormField>
            <FormField id={`att-${index}-until`} label="Valid until">
              <Input type="date" {...form.register(`attestations.${index}.validUntil`)} />
            </FormField>
            <FormField
              id={`att-${index}-domains`}
              label="Domains (keys, comma-separated; empty: all held)"
            >
              <Input {...form.register(`attestations.${index}.domains`)} />
            </FormField>
            <FormField
              id={`att-${index}-sha`}
              label="SHA-256 of the file"
              className="sm:col-span-2"
            >
              <Input className="font-mono" {...form.register(`attestations.${index}.sha256`)} />
            </FormField>
            <div className="flex items-end">
              <Button type="button" variant="ghost" onClick={() => attestations.remove(index)}>
                Remove
              </Button>
            </div>
          </div>
        ))}
        <div className="flex flex-wrap items-end gap-2">
          <Button
            type="button"
            variant="outline"
            onClick={() =>
              attestations.append({
                title: "",
                type: "",
                validFrom: "",
                validUntil: "",
                sha256: "",
                fileName: "",
                domains: "",
              })
            }
          >
            Add an attestation
          </Button>
          {candidates.length > 0 ? (
            <NativeSelect
              wrapperClassName="w-80"
              aria-label="Add from the evidence library"
              value=""
              onChange={(event) => addCandidate(event.target.value)}
            >
              <option value="">Add from the evidence library…</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </NativeSelect>
          ) : null}
        </div>
      </fieldset>
      {problems ? (
        <Alert variant="error" role="alert">
          {problems}
        </Alert>
      ) : null}
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {action.hasSucceeded && !isPending ? <Alert variant="success">Draft saved.</Alert> : null}
      <div>
        <Button type="submit" disabled={isPending}>
          Save draft
        </Button>
      </div>
    </form>
  );
}
