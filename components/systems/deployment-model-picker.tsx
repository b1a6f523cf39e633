"use client";

import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import type { PickerColumn } from "@/lib/view/systems/picker-types";

type Props = {
  columns: PickerColumn[];
  primary: string;
  additional: string[];
  variant: string | null;
  onPrimaryChange: (key: string) => void;
  onAdditionalChange: (keys: string[]) => void;
  onVariantChange: (key: string | null) => void;
  errors?: { primaryModel?: string[]; additionalModels?: string[]; variant?: string[] };
};

/**
 * Radio cards for the primary deployment model, each explaining the model (what it is, examples,
 * variants, risk level), then checkboxes for additional models. Native inputs, so the arrow keys
 * move between models and screen readers announce the group.
 */
export function DeploymentModelPicker(props: Props) {
  const { columns, primary, additional } = props;
  const primaryColumn = columns.find((c) => c.key === primary);
  return (
    <div className="grid gap-6">
      <fieldset
        className="grid gap-3"
        aria-describedby={props.errors?.primaryModel ? "primary-model-error" : undefined}
      >
        <legend className="mb-2 text-sm font-medium">
          Primary deployment model{" "}
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        </legend>
        <div className="grid gap-3 md:grid-cols-2">
          {columns.map((column) => {
            const id = `model-${column.key}`;
            const checked = column.key === primary;
            return (
              <label
                key={column.key}
                htmlFor={id}
                className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring ${checked ? "border-primary bg-primary-soft/40" : "bg-card"}`}
              >
                <input
                  id={id}
                  type="radio"
                  name="primaryModel"
                  value={column.key}
                  checked={checked}
                  onChange={() => props.onPrimaryChange(column.key)}
                  className="mt-1 accent-primary"
                />
                <span className="grid gap-1">
                  <span className="flex flex-wrap items-center gap-2 font-medium">
                    {column.name}
                    {column.riskLevel ? (
                      <Badge variant="outline">Risk: {column.riskLevel}</Badge>
                    ) : null}
                  </span>
                  {column.groupName ? (
                    <span className="text-xs text-muted-foreground">{column.groupName}</span>
                  ) : null}
                  <span className="text-muted-foreground">{column.description}</span>
                  {column.examples.length > 0 ? (
                    <span className="text-xs text-muted-foreground">
                      Examples: {column.examples.slice(0, 4).join(", ")}
                    </span>
                  ) : null}
                  {column.variants.length > 0 ? (
                    <span className="text-xs text-muted-foreground">
                      Variants: {column.variants.map((v) => v.name).join(", ")}
                    </span>
                  ) : null}
                </span>
              </label>
            );
          })}
        </div>
        {props.errors?.primaryModel ? (
          <p id="primary-model-error" className="text-xs font-medium text-destructive">
            {props.errors.primaryModel.join(" ")}
          </p>
        ) : null}
      </fieldset>

      {primaryColumn && primaryColumn.variants.length > 0 ? (
        <fieldset className="grid gap-2">
          <legend className="mb-2 text-sm font-medium">Variant of {primaryColumn.name}</legend>
          {[
            { key: "", name: "Not specified", description: "Choose later.", examples: [] },
            ...primaryColumn.variants,
          ].map((variant) => (
            <label key={variant.key || "none"} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="variant"
                value={variant.key}
                checked={(props.variant ?? "") === variant.key}
                onChange={() => props.onVariantChange(variant.key || null)}
                className="mt-1 accent-primary"
              />
              <span>
                <span className="font-medium">{variant.name}</span> —{" "}
                <span className="text-muted-foreground">{variant.description}</span>
                {variant.examples.length > 0 ? (
                  <span className="block text-xs text-muted-foreground">
                    Examples: {variant.examples.join(", ")}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
          {props.errors?.variant ? (
            <p className="text-xs font-medium text-destructive">{props.errors.variant.join(" ")}</p>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Additional deployment models</legend>
        <p className="text-xs text-muted-foreground">
          If the system is also deployed another way (for example an agent built on a PaaS model
          API), add it: each domain then takes the most customer-heavy value of all chosen models.
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          {columns
            .filter((column) => column.key !== primary)
            .map((column) => {
              const id = `additional-${column.key}`;
              return (
                <div key={column.key} className="flex items-center gap-2 text-sm">
                  <Checkbox
                    id={id}
                    checked={additional.includes(column.key)}
                    onChange={(event) =>
                      props.onAdditionalChange(
                        event.target.checked
                          ? [...additional, column.key]
                          : additional.filter((key) => key !== column.key),
                      )
                    }
                  />
                  <label htmlFor={id}>{column.name}</label>
                </div>
              );
            })}
        </div>
        {props.errors?.additionalModels ? (
          <p className="text-xs font-medium text-destructive">
            {props.errors.additionalModels.join(" ")}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
