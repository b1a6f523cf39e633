"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signInAction } from "@/lib/actions/auth";
import { useActionForm } from "@/lib/forms/use-action-form";
import { signInSchema } from "@/lib/validation/auth";

export function SignInForm({
  callbackUrl,
  defaultEmail,
}: {
  callbackUrl: string;
  defaultEmail?: string;
}) {
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: signInAction,
    schema: signInSchema,
    defaultValues: { email: defaultEmail ?? "", password: "", callbackUrl },
  });
  return (
    <form noValidate className="grid gap-4" onSubmit={onSubmit}>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <FormField id="email" label="E-mail address" error={fieldError("email")} required>
        <Input type="email" autoComplete="email" autoFocus {...form.register("email")} />
      </FormField>
      <FormField id="password" label="Password" error={fieldError("password")} required>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </FormField>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
