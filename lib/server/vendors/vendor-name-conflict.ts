import "server-only";

import { ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const DUPLICATE = "A vendor with this name already exists in this workspace.";

/** Vendor names are unique per workspace (the database decides, so concurrent creates are safe). */
export function rethrowDuplicateVendor(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw ValidationError.forField("name", DUPLICATE);
  }
  throw error;
}
