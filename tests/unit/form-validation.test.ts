import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { resultFieldErrors, resultFormError } from "@/lib/actions/result";
import { inputResolver } from "@/lib/forms/use-action-form";
import { evidenceUploadFormSchema } from "@/lib/validation/evidence";
import { exportScopeSchema } from "@/lib/validation/exports";
import { acceptInvitationWithSignUpSchema } from "@/lib/validation/members";
import { updateDutySchema } from "@/lib/validation/responsibilities";
import { registerSystemSchema, tagsFromText } from "@/lib/validation/systems";
import { linkVendorSystemsSchema, vendorFieldsSchema } from "@/lib/validation/vendors";
import { deleteWorkspaceSchema } from "@/lib/validation/workspace";

// The forms check their fields in the browser with the same zod schemas the server actions parse
// (lib/forms/use-action-form.ts). These tests run the resolver the forms use on those schemas and
// check that each message lands on the field name the form registers.

const options: ResolverOptions<FieldValues> = { fields: {}, shouldUseNativeValidation: false };

async function formErrors(schema: z.ZodType<unknown, FieldValues>, values: FieldValues) {
  const outcome = await zodResolver(schema)(values, undefined, options);
  return outcome.errors as Record<string, unknown>;
}

function message(errors: Record<string, unknown>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as { message?: string } | undefined)?.message;
}

describe("form validation with the shared schemas", () => {
  it("gives the vendor form the schema's own messages, and accepts blank optional fields", async () => {
    const errors = await formErrors(vendorFieldsSchema, {
      name: " ",
      kind: "",
      website: "ftp://files.example",
      contactName: "",
      contactEmail: "not an address",
      notes: "",
    });
    expect(message(errors, "name")).toBe("Enter the vendor's name.");
    expect(message(errors, "website")).toBe("Enter an http(s) address.");
    expect(message(errors, "contactEmail")).toBe("Enter an e-mail address.");
    expect(message(errors, "kind")).toBeUndefined();
    expect(message(errors, "notes")).toBeUndefined();

    const valid = await formErrors(vendorFieldsSchema, {
      name: "Model Co",
      kind: "",
      website: "",
      contactName: "",
      contactEmail: "",
      notes: "",
    });
    expect(valid).toEqual({});
  });

  it("puts the link-system error on the select's path (systemIds.0)", async () => {
    const errors = await formErrors(linkVendorSystemsSchema, { vendorId: "v1", systemIds: [""] });
    expect(message(errors, "systemIds.0")).toBe("is required");
  });

  it("asks for the final-bundle answer and the typed URL name before deleting", async () => {
    const errors = await formErrors(deleteWorkspaceSchema, { confirmSlug: "" });
    expect(message(errors, "finalBundle")).toBe(
      "Say whether you downloaded a final evidence bundle or do not need one.",
    );
    expect(message(errors, "confirmSlug")).toBe("Type the workspace's URL name to confirm.");
  });

  it("checks an invitation sign-up's password rules in the browser", async () => {
    const errors = await formErrors(acceptInvitationWithSignUpSchema, {
      token: "t".repeat(32),
      name: "Ada",
      password: "too short",
    });
    expect(message(errors, "password")).toBe("Use at least 15 characters.");
    expect(message(errors, "name")).toBeUndefined();
  });

  it("treats empty date fields of the duty editor as no date, and refuses a malformed one", async () => {
    const base = { dutyId: "p1", expectedVersion: 1, ownerId: "", justification: "" };
    expect(
      await formErrors(updateDutySchema, { ...base, dueDate: "", riskAcceptanceExpiresAt: "" }),
    ).toEqual({});
    const errors = await formErrors(updateDutySchema, { ...base, dueDate: "31/12/2026" });
    expect(message(errors, "dueDate")).toBeTruthy();
  });

  it("refuses an export range that ends before it starts, at the end date", async () => {
    const errors = await formErrors(exportScopeSchema, {
      systemIds: [],
      domainKeys: [],
      from: "2026-05-02",
      to: "2026-05-01",
      includeFiles: true,
    });
    expect(message(errors, "to")).toBe("must be on or after the start date");
  });
});

describe("server answers mapped onto the form", () => {
  it("merges the schema's field errors with a service's ValidationError fields", () => {
    const fields = resultFieldErrors({
      validationErrors: { formErrors: [], fieldErrors: { name: ["Enter a name."] } },
      serverError: {
        code: "VALIDATION_FAILED",
        status: 400,
        message: "That name is taken.",
        fieldErrors: { name: ["That name is taken."], slug: ["That URL name is taken."] },
      },
    });
    expect(fields).toEqual({
      name: ["Enter a name.", "That name is taken."],
      slug: ["That URL name is taken."],
    });
  });

  it("shows the server error's message above the form, and a hint for schema errors", () => {
    expect(
      resultFormError({ serverError: { code: "FORBIDDEN", status: 403, message: "No." } }),
    ).toBe("No.");
    expect(resultFormError({ validationErrors: { fieldErrors: { name: ["x"] } } })).toBe(
      "Check the highlighted fields.",
    );
    expect(resultFormError({})).toBeUndefined();
  });
});

// Forms whose fields differ from the action's input check what toInput makes of them
// (inputResolver) and show each input key's errors on the field named for it.
describe("form validation of values turned into the action's input", () => {
  const noOptions = { fields: {}, shouldUseNativeValidation: false };
  const systemFields = {
    name: "",
    frameworkVersionId: "fv1",
    primaryModel: "saas_ai",
    tagText: "ok, a;b",
  };
  const checkSystem = inputResolver(
    ({ tagText, ...fields }: typeof systemFields) => ({
      schema: registerSystemSchema,
      input: { ...fields, tags: tagsFromText(tagText) },
    }),
    (key) => (key === "tags" ? "tagText" : (key as keyof typeof systemFields)),
  );

  it("puts the tag list's errors on the tag text and keeps the other fields' own", async () => {
    const { errors } = await checkSystem(systemFields, undefined, noOptions);
    expect(message(errors, "tagText")).toBe("must not contain commas or semicolons");
    expect(message(errors, "name")).toBe("Enter a name.");
    expect(message(errors, "tags")).toBeUndefined();

    const valid = await checkSystem(
      { ...systemFields, name: "Bot", tagText: "a, b" },
      undefined,
      noOptions,
    );
    expect(valid.errors).toEqual({});
  });

  it("splits the tag text at commas and drops blanks", () => {
    expect(tagsFromText(" pii ,, chat , ")).toEqual(["pii", "chat"]);
  });

  it("checks an evidence upload with the route's fields plus the file", async () => {
    const check = (input: Record<string, unknown>) =>
      inputResolver(
        () => ({ schema: evidenceUploadFormSchema, input }),
        (key) => key,
      )({}, undefined, noOptions);
    const missing = await check({ kind: "ATTESTATION", title: "", dutyIds: "d1,d2" });
    expect(message(missing.errors, "file")).toBe("Choose a file.");
    expect(message(missing.errors, "attestationType")).toBe("is required for an attestation");

    const file = new File(["%PDF-1.4"], "soc2.pdf", { type: "application/pdf" });
    const ok = await check({ kind: "ATTESTATION", attestationType: "SOC2_REPORT", file });
    expect(ok.errors).toEqual({});
  });
});
