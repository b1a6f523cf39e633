import { z } from "zod";

import { ROLES } from "@/lib/auth/permissions";
import { defineApiRoute } from "@/lib/server/api/spec";

export const whoAmIResponseSchema = z
  .object({
    token: z.object({ id: z.string(), name: z.string(), prefix: z.string() }),
    workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    role: z.enum(ROLES),
  })
  .meta({ id: "WhoAmI" });

export const getWorkspaceSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/workspace",
  tag: "Workspace",
  summary: "Who am I",
  description: "The calling token, the workspace it belongs to and the role it acts with.",
  permission: "workspace.read",
  response: whoAmIResponseSchema,
});
