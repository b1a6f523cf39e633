"use client";

import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useState } from "react";

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
import { resultFormError } from "@/lib/actions/result";

import { importSystemsAction } from "@/lib/actions/systems";

/** Reads the chosen file in the browser and sends its text; the server validates every row. */
export function ImportSystemsForm({ slug }: { slug: string }) {
  const [fileError, setFileError] = useState<string | null>(null);
  const { execute, result, isPending } = useAction(importSystemsAction.bind(null, slug));
  const formError = resultFormError(result);
  const data = result.data;
  return (
    <div className="grid gap-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          const file = (new FormData(event.currentTarget).get("file") as File | null) ?? null;
          if (!file || file.size === 0) return setFileError("Choose a CSV file.");
          setFileError(null);
          execute({ csv: await file.text() });
        }}
      >
        <FormField id="import-file" label="CSV file" required error={fileError}>
          <Input name="file" type="file" accept=".csv,text/csv" />
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
