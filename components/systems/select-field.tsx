import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";

/** A labelled native select with an optional "unset" first option, for the system form. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  emptyLabel,
  error,
}: {
  id: string;
  label: string;
  value: string | null | undefined;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  emptyLabel?: string;
  error?: string[];
}) {
  return (
    <FormField id={id} label={label} error={error}>
      <NativeSelect value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </FormField>
  );
}
