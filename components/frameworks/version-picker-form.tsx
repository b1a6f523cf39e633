import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

/** Two-version picker of the comparison page; a GET form, so the pair lives in the URL. */
export function VersionPickerForm({
  action,
  versions,
  from,
  to,
}: {
  action: string;
  versions: string[];
  from: string;
  to: string;
}) {
  return (
    <form
      action={action}
      method="get"
      aria-label="Versions to compare"
      className="mb-6 flex flex-wrap items-end gap-3"
    >
      <div className="flex w-44 flex-col gap-1.5">
        <Label htmlFor="compare-from">From version</Label>
        <NativeSelect id="compare-from" name="from" defaultValue={from}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex w-44 flex-col gap-1.5">
        <Label htmlFor="compare-to">To version</Label>
        <NativeSelect id="compare-to" name="to" defaultValue={to}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        Compare
      </Button>
    </form>
  );
}
