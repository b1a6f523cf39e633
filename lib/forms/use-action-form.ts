"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type HookBaseOptions, type SingleInputActionFn, useAction } from "next-safe-action/hooks";
import type { BaseSyntheticEvent } from "react";
import {
  type DefaultValues,
  type FieldErrors as FormFieldErrors,
  type FieldPath,
  type FieldValues,
  type Resolver,
  useForm,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";

import { type ChainResult, resultFieldErrors, resultFormError } from "@/lib/actions/result";
import type { ActionError } from "@/lib/errors";

/*
 * One form bound to one server action of our chain (lib/actions/safe-action.ts).
 *
 * The form checks its fields with the SAME zod schema the action (and the REST route) parses, so
 * a user sees the schema's message next to the field before anything is sent. The action still
 * parses again on the server: it receives the raw field values (the schema's input type, which is
 * what the action's signature asks for), never the client's parsed output.
 *
 * What the server answers is put back on the form: the action's validationErrors and a service's
 * ValidationError fieldErrors become field errors (shown by FormField with aria-invalid and
 * aria-describedby); the server error's message, or errors that name no field, become `formError`.
 *
 * Most forms edit the action's input as it is. Where the fields differ from it (tags typed as one
 * line of text, a file picked beside the fields), `toInput` turns the fields into the input: the
 * schema then checks what `toInput` returns, and `errorField` says which field shows the errors
 * of an input key that has no field of its own name (on the client and from the server alike).
 *
 * next-safe-action's own react-hook-form adapter maps only the "formatted" validation errors
 * shape; our chain answers in the "flattened" shape and carries field errors in serverError too,
 * hence this small hook.
 */

type FormSchema = z.ZodType<unknown, FieldValues>;
type ShapedErrorsBound = ChainResult["validationErrors"];

export type UseActionFormOptions<
  Schema extends FormSchema,
  ShapedErrors extends ShapedErrorsBound,
  Data,
  Values extends FieldValues = z.input<Schema>,
> = {
  /** The action, with the workspace slug already bound where it needs one. */
  action: SingleInputActionFn<ActionError, Schema, ShapedErrors, Data>;
  /** The action's input schema, from lib/validation/<domain>.ts. */
  schema: Schema;
  defaultValues?: NoInfer<DefaultValues<Values>>;
  /** Callbacks passed to useAction (onSuccess, onError, …). */
  actionProps?: NoInfer<HookBaseOptions<ActionError, Schema, ShapedErrors, Data>>;
  /** Clear the fields (back to defaultValues) after the action succeeded. */
  resetOnSuccess?: boolean;
  /** Adjusts the checked values before they are sent, e.g. to clear fields the form hides. */
  prepare?: (values: NoInfer<z.input<Schema>>) => NoInfer<z.input<Schema>>;
  /**
   * The action's input made from the form's fields, when they differ. Without it the fields are
   * the input. The schema checks its result, before sending and again on the server.
   */
  toInput?: (values: Values) => NoInfer<z.input<Schema>>;
  /**
   * For forms that send some submissions elsewhere (the evidence form's file goes to the upload
   * route): the schema and input that check these values instead of `schema` on `toInput`.
   * Return undefined to check the action's input as usual.
   */
  checkWith?: (values: Values) => { schema: z.ZodType; input: unknown } | undefined;
  /** The field that shows an input key's errors, for keys the form has no field of that name for. */
  errorField?: NoInfer<Partial<Record<string, FieldPath<Values>>>>;
};

/**
 * A resolver that checks the input made from the fields (`check` says with which schema) and puts
 * each issue on the field that shows its top-level input key. The form keeps its own values (the hook reads them at submit).
 */
export function inputResolver<Values extends FieldValues>(
  check: (values: Values) => { schema: z.ZodType; input: unknown },
  fieldFor: (key: string) => FieldPath<Values>,
): Resolver<Values, unknown, Values> {
  return async (values) => {
    const { schema, input } = check(values);
    const parsed = await schema.safeParseAsync(input);
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const name = fieldFor(String(issue.path[0] ?? "root"));
      const prior = errors[name];
      errors[name] = {
        type: issue.code,
        message: prior ? `${prior.message} ${issue.message}` : issue.message,
      };
    }
    return { values: {}, errors: errors as FormFieldErrors<Values> };
  };
}

export function useActionForm<
  Schema extends FormSchema,
  ShapedErrors extends ShapedErrorsBound,
  Data,
  Values extends FieldValues = z.input<Schema>,
>({
  action,
  schema,
  defaultValues,
  actionProps,
  resetOnSuccess = false,
  prepare = (values) => values,
  toInput,
  checkWith,
  errorField = {},
}: UseActionFormOptions<Schema, ShapedErrors, Data, Values>) {
  const fieldFor = (key: string) => errorField[key] ?? (key as FieldPath<Values>);
  const form: UseFormReturn<Values, unknown, unknown> = useForm<Values, unknown, unknown>({
    resolver: toInput
      ? inputResolver(
          (values) => checkWith?.(values) ?? { schema, input: toInput(values) },
          fieldFor,
        )
      : (zodResolver(schema) as unknown as Resolver<Values, unknown, unknown>),
    defaultValues,
  });
  const hook = useAction(action, actionProps);
  const { executeAsync } = hook;
  const { getValues, handleSubmit, reset, setError } = form;

  // Not memoised: the bound action, and so executeAsync, is new on every render anyway.
  const onSubmit = (event?: BaseSyntheticEvent) =>
    handleSubmit(async () => {
      // z.input<Schema> and the action's input type are the same type; TypeScript cannot see it
      // through the generic, hence the one cast.
      // A redirect from the action, or an unexpected throw, rejects; useAction keeps it in its
      // state (hasNavigated / hasThrownError) as `execute` would, so nothing is left to map.
      const values = getValues();
      const input = toInput ? toInput(values) : (values as z.input<Schema>);
      const result = await executeAsync(prepare(input) as Parameters<typeof executeAsync>[0]).catch(
        () => undefined,
      );
      const fieldErrors = resultFieldErrors(result);
      for (const [name, messages] of Object.entries(fieldErrors))
        setError(fieldFor(name), { type: "server", message: messages.join(" ") });
      if (resetOnSuccess && result?.data !== undefined && !result.serverError) reset();
    })(event);

  /** The message(s) for one field, from the schema on the client or from the server. */
  const fieldError = (name: FieldPath<Values>): string | undefined =>
    form.getFieldState(name, form.formState).error?.message;

  return {
    form,
    action: hook,
    onSubmit,
    fieldError,
    formError: resultFormError(hook.result),
    isPending: hook.isPending,
  };
}
