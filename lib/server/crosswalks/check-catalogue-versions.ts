import "server-only";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import type { CrosswalkValidationError } from "@/lib/crosswalks/validate";
import type { Prisma } from "@/lib/generated/prisma/client";
import { latestCrosswalks } from "@/lib/server/crosswalks/latest-crosswalks";

/**
 * A catalogue key means one catalogue version wherever a workspace uses it (the active mapping
 * merges catalogues by key). A crosswalk that declares a catalogue another visible crosswalk
 * declares at another version is refused, naming both. Versions of the same crosswalk key are not
 * compared: a new version replaces the old one.
 */
export async function checkCatalogueVersions(
  tx: Prisma.TransactionClient,
  workspaceId: string | null,
  definition: CrosswalkDefinition,
): Promise<CrosswalkValidationError[]> {
  const others = (await latestCrosswalks(tx, workspaceId)).filter(
    (c) => c.crosswalk.key !== definition.key,
  );
  const errors: CrosswalkValidationError[] = [];
  definition.catalogues.forEach((catalogue, index) => {
    for (const other of others) {
      const theirs = other.definition.catalogues.find((c) => c.key === catalogue.key);
      if (theirs && theirs.version !== catalogue.version) {
        errors.push({
          path: `catalogues[${index}].version`,
          message:
            `catalogue ${catalogue.key} is at version "${theirs.version}" in crosswalk ` +
            `${other.crosswalk.key}; use that version or another catalogue key`,
        });
        break;
      }
    }
  });
  return errors;
}
