import { CircleAlert } from "lucide-react";
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils/cn";

/** Props FormField wires onto its control. */
export type FormControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
};

export type FormFieldProps = {
  /** Id of the control; the label's `htmlFor`, and the prefix of the description/error ids. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  /** Error message(s) for this field; one string or the array zod's `flatten()` gives. */
  error?: string | string[] | null;
  required?: boolean;
  /** Hide the label visually (it stays available to screen readers). */
  hideLabel?: boolean;
  className?: string;
  /**
   * Either a single control element (Input, Textarea, NativeSelect, …), which receives id,
   * aria-describedby, aria-invalid and required, or a function receiving those props.
   */
  children: ReactElement<FormControlProps> | ((props: FormControlProps) => ReactNode);
};

export function FormField({
  id,
  label,
  description,
  error,
  required,
  hideLabel = false,
  className,
  children,
}: FormFieldProps) {
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  const controlProps: FormControlProps = {
    id,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(errorId ? { "aria-invalid": true as const } : {}),
    ...(required ? { required: true } : {}),
  };

  let control: ReactNode;
  if (typeof children === "function") {
    control = children(controlProps);
  } else if (isValidElement(children)) {
    const existing = children.props["aria-describedby"];
    control = cloneElement(children, {
      ...controlProps,
      "aria-describedby": [existing, describedBy].filter(Boolean).join(" ") || undefined,
    });
  } else {
    control = children;
  }

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id} required={required} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </Label>
      {control}
      {description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {errorId ? (
        <div id={errorId} className="flex items-start gap-1.5 text-xs font-medium text-destructive">
          <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          <span>{errors.join(" ")}</span>
        </div>
      ) : null}
    </div>
  );
}
