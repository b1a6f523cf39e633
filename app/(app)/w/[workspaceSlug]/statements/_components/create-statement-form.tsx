"use client";

import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createStatementAction } from "@/lib/actions/statements";
import { useActionForm } from "@/lib/forms/use-action-form";
import { createStatementSchema } from "@/lib/validation/statements";
import type { StatementFrameworkOption } from "@/lib/view/statements/labels";

type Fields = { productName: string; providerName: string; framework: string };

export function CreateStatementForm({
  slug,
  frameworks,
}: {
  slug: string;
  frameworks: StatementFrameworkOption[];
}) {
  const router = useRouter();
  const first = frameworks[0];
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: createStatementAction.bind(null, slug),
    schema: createStatementSchema,
    defaultValues: {
      productName: "",
      providerName: "",
      framework: first ? JSON.stringify([first.key, first.version]) : "",
    } satisfies Fields,
    // The framework select holds key and version together.
    toInput: (values: Fields) => {
      const [frameworkKey = "", frameworkVersion = ""] = values.framework
        ? (JSON.parse(values.framework) as string[])
        : [];
      return {
        productName: values.productName,
        providerName: values.providerName,
        frameworkKey,
        frameworkVersion,
      };
    },
    errorField: { frameworkKey: "framework", frameworkVersion: "framework" },
    actionProps: {
      onSuccess: ({ data }) => {
        const id = (data as { id?: string } | undefined)?.id;
        if (id) router.push(`/w/${slug}/statements/${id}`);
      },
    },
  });
  return (
    <form className="grid max-w-xl gap-3" noValidate onSubmit={onSubmit}>
      <FormField id="statement-product" label="Product name" error={fieldError("productName")}>
        <Input {...form.register("productName")} />
      </FormField>
      <FormField
        id="statement-provider"
        label="Provider name (shown on the statement; optional)"
        error={fieldError("providerName")}
      >
        <Input {...form.register("providerName")} />
      </FormField>
      <FormField id="statement-framework" label="Framework" error={fieldError("framework")}>
        <NativeSelect {...form.register("framework")}>
          {frameworks.map((f) => (
            <option key={`${f.key}@${f.version}`} value={JSON.stringify([f.key, f.version])}>
              {f.label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <div>
        <Button type="submit" disabled={isPending}>
          Create statement
        </Button>
      </div>
    </form>
  );
}
