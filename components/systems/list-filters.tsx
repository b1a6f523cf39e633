import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { LIFECYCLE_OPTIONS, RISK_TIER_OPTIONS } from "@/lib/view/systems/labels";

export type FilterField =
  | {
      kind: "search";
      name: string;
      label: string;
      value: string | null | undefined;
      placeholder?: string;
    }
  | {
      kind: "select";
      name: string;
      label: string;
      value: string | null | undefined;
      options: { value: string; label: string }[];
      anyLabel?: string | null;
    };

/**
 * The filters every list of systems' work shares (systems, duties): risk tier, lifecycle, vendor.
 */
export function systemFilterFields(
  query: { risk?: string | null; lifecycle?: string | null; vendor?: string | null },
  vendors: { value: string; label: string }[],
): FilterField[] {
  return [
    {
      kind: "select",
      name: "risk",
      label: "Risk tier",
      value: query.risk,
      options: RISK_TIER_OPTIONS,
    },
    {
      kind: "select",
      name: "lifecycle",
      label: "Lifecycle",
      value: query.lifecycle,
      options: LIFECYCLE_OPTIONS,
    },
    { kind: "select", name: "vendor", label: "Vendor", value: query.vendor, options: vendors },
  ];
}

/**
 * A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared, and
 * the form works without JavaScript. Every control has a visible label.
 */
export function ListFilters({
  action,
  fields,
  hidden = {},
}: {
  action: string;
  fields: FilterField[];
  hidden?: Record<string, string>;
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Filters"
      className="mb-4 grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `filter-${field.name}`;
        return (
          <div key={field.name} className="grid gap-1.5">
            <label htmlFor={id} className="text-sm font-medium">
              {field.label}
            </label>
            {field.kind === "search" ? (
              <Input
                id={id}
                name={field.name}
                type="search"
                defaultValue={field.value ?? ""}
                placeholder={field.placeholder}
              />
            ) : (
              <NativeSelect id={id} name={field.name} defaultValue={field.value ?? ""}>
                {field.anyLabel === null ? null : (
                  <option value="">{field.anyLabel ?? "Any"}</option>
                )}
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
            )}
          </div>
        );
      })}
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <Button asChild variant="ghost">
          <Link href={action}>Clear</Link>
        </Button>
      </div>
    </form>
  );
}
