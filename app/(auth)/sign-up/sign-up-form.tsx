"use client";

import { PasswordRules } from "@/components/auth/password-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signUpAction } from "@/lib/actions/auth";
import { useActionForm } from "@/lib/forms/use-action-form";
import { signUpSchema } from "@/lib/validation/auth";

export function SignUpForm() {
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: signUpAction,
    schema: signUpSchema,
    defaultValues: { name: "", email: "", password: "", workspaceName: "" },
  });
  return (
    <form noValidate className="grid gap-4" onSubmit={onSubmit}>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <FormField id="name" label="Your name" error={fieldError("name")} required>
        <Input autoComplete="name" autoFocus {...form.register("name")} />
      </FormField>
      <FormField id="email" label="E-mail address" error={fieldError("email")} required>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </FormField>
      <FormField
        id="password"
        label="Password"
        error={fieldError("password")}
        required
        description={<PasswordRules id="password-rules" />}
      >
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <FormField
        id="workspaceName"
        label="Workspace name"
        error={fieldError("workspaceName")}
        description="Your organisation or team. You can rename it later. Leave empty to use your name."
      >
        <Input autoComplete="organization" {...form.register("workspaceName")} />
      </FormField>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your account…" : "Create account and workspace"}
      </Button>
    </form>
  );
}
