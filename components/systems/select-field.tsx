import type { UseFormRegisterReturn } from "react-hook-form";

import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";

/** A labelled native select with an optional "unset" first option, for the system form. */
export function SelectField({
  id,
  label,
  registration,
  options,
  emptyLabel,
  error,
}: {
  id: string;
  label: string;
  /** The field's react-hook-form registration (`form.register(name)`). */
  registration: UseFormRegisterReturn;
  options: readonly { value: string; label: string }[];
  emptyLabel?: string;
  error?: string;
}) {
  return (
    <FormField id={id} label={label} error={error}>
      <NativeSelect {...registration}>
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
