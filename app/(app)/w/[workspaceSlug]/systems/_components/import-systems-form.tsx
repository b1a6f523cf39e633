"use client";

import Link from "next/link";
import { useRef } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { importSystemsAction } from "@/lib/actions/systems";
import { useActionForm } from "@/lib/forms/use-action-form";
import { importSystemsSchema } from "@/lib/validation/systems";

/** Reads the chosen file in the browser and sends its text; the server validates every row. */
export function ImportSystemsForm({ slug }: { slug: string }) {
  const file = useRef<HTMLInputElement>(null);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: importSystemsAction.bind(null, slug),
    schema: importSystemsSchema,
    defaultValues: { csv: "" },
  });
  const data = action.result.data;
  return (
    <div className="grid gap-4">
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          // The action takes the file's text; read it at submit so the schema checks what is sent.
          form.setValue("csv", (await file.current?.files?.[0]?.text()) ?? "");
          await onSubmit();
        }}
      >
        <FormField id="import-file" label="CSV file" required error={fieldError("csv")}>
          <Input ref={file} type="file" accept=".csv,text/csv" />
        </FormField>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Importing…" : "Check and import"}
        </Button>
      </form>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {data?.status === "imported" ? (
        <Alert variant="success" live="polite" title={`${data.count} systems imported`}>
          Their duties were derived. <Link href={`/w/${slug}/systems`}>Go to the systems</Link>.
        </Alert>
      ) : null}
      {data?.status === "invalid" ? (
        <>
          <Alert variant="error" title="Nothing was imported">
            {data.problems.length} {data.problems.length === 1 ? "problem" : "problems"} in{" "}
            {data.rowCount} rows. Fix them in the file and import it again.
          </Alert>
          <Table label="Import problems">
            <TableHeader>
              <TableRow>
                <TableHead>Row</TableHead>
                <TableHead>Column</TableHead>
                <TableHead>Problem</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.problems.map((problem, index) => (
                <TableRow key={index}>
                  <TableCell className="tabular-nums">{problem.row}</TableCell>
                  <TableCell>
                    <code className="font-mono text-xs">{problem.column ?? "—"}</code>
                  </TableCell>
                  <TableCell>{problem.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </div>
  );
}
