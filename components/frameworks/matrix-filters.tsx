import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

export type FilterOption = { value: string; label: string };

/**
 * Version picker and filters of the matrix as a plain GET form: the choice lives in the URL (it can
 * be bookmarked and shared) and works without JavaScript.
 */
export function MatrixFilters({
  action,
  versions,
  version,
  groups,
  group,
  categories,
  category,
}: {
  action: string;
  versions: string[];
  version: string;
  groups: FilterOption[];
  group?: string;
  categories: FilterOption[];
  category?: string;
}) {
  const filtered = Boolean(group || category);
  return (
    <form
      action={action}
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3"
      aria-label="Matrix filters"
    >
      {versions.length > 1 ? (
        <div className="flex w-40 flex-col gap-1.5">
          <Label htmlFor="matrix-version">Version</Label>
          <NativeSelect id="matrix-version" name="version" defaultValue={version}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : (
        <input type="hidden" name="version" value={version} />
      )}
      <div className="flex w-64 flex-col gap-1.5">
        <Label htmlFor="matrix-group">Deployment model group</Label>
        <NativeSelect id="matrix-group" name="group" defaultValue={group ?? ""}>
          <option value="">All groups</option>
          {groups.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex w-52 flex-col gap-1.5">
        <Label htmlFor="matrix-category">Domain category</Label>
        <NativeSelect id="matrix-category" name="category" defaultValue={category ?? ""}>
          <option value="">All categories</option>
          {categories.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        Apply
      </Button>
      {filtered ? (
        <Link
          href={`${action}?version=${encodeURIComponent(version)}`}
          className="h-9 content-center text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
