import type { ActionError, FieldErrors } from "@/lib/errors";

// Client-side helpers to read a next-safe-action result from our chain (see safe-action.ts).

export type ChainResult = {
  serverError?: ActionError;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
};

/** Field name → messages, from the input schema or from a service's ValidationError. */
export function resultFieldErrors(result: ChainResult | undefined): FieldErrors {
  const fromSchema = result?.validationErrors?.fieldErrors ?? {};
  const merged: FieldErrors = {};
  for (const [field, messages] of Object.entries(fromSchema))
    if (messages) merged[field] = messages;
  for (const [field, messages] of Object.entries(result?.serverError?.fieldErrors ?? {})) {
    merged[field] = [...(merged[field] ?? []), ...messages];
  }
  return merged;
}

/** The message to show above the form, or undefined when there is none. */
export function resultFormError(result: ChainResult | undefined): string | undefined {
  if (result?.serverError) return result.serverError.message;
  const formErrors = result?.validationErrors?.formErrors ?? [];
  if (formErrors.length > 0) return formErrors.join(" ");
  if (result?.validationErrors) return "Check the highlighted fields.";
  return undefined;
}
