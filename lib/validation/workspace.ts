import { z } from "zod";

// Workspace names are free text; slugs appear in URLs (/w/[slug]) and are checked against the
// routes that live beside them so a workspace can never shadow a page.

export const RESERVED_SLUGS = [
  "new",
  "api",
  "settings",
  "admin",
  "w",
  "invite",
  "sign-in",
  "sign-up",
];

export const workspaceNameSchema = z
  .string({ error: "Enter a workspace name." })
  .trim()
  .min(2, { error: "Use at least 2 characters." })
  .max(80, { error: "Use at most 80 characters." });

export const workspaceSlugSchema = z
  .string({ error: "Enter a URL name." })
  .trim()
  .toLowerCase()
  .min(2, { error: "Use at least 2 characters." })
  .max(48, { error: "Use at most 48 characters." })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "Use lowercase letters, digits and single hyphens (for example acme-security).",
  })
  .refine((slug) => !RESERVED_SLUGS.includes(slug), { error: "That URL name is reserved." });

export const createWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  slug: z.preprocess((value) => (value === "" ? undefined : value), workspaceSlugSchema.optional()),
});

export const renameWorkspaceSchema = z.object({ name: workspaceNameSchema });

/** Deleting a workspace: its URL name typed out, and the owner's word on a final bundle. */
export const deleteWorkspaceSchema = z.object({
  confirmSlug: z
    .string({ error: "Type the workspace's URL name to confirm." })
    .trim()
    .min(1, { error: "Type the workspace's URL name to confirm." })
    .max(100),
  finalBundle: z.enum(["downloaded", "declined"], {
    error: "Say whether you downloaded a final evidence bundle or do not need one.",
  }),
});

export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

/** A URL name derived from a workspace name: "ACME Security (EU)" → "acme-security-eu". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug.length >= 2 && !RESERVED_SLUGS.includes(slug)
    ? slug
    : `workspace-${slug}`.replace(/-$/, "");
}
