import "server-only";

import { NotFoundError, ValidationError } from "@/lib/errors";
import { getFrameworkVersion } from "@/lib/server/frameworks/get-framework-version";
import { checkAgainstFramework, type StatementDraft } from "@/lib/statements/format";

/** Every problem of a statement, as one error: `fieldErrors[field]` lists them all. */
export class StatementInvalidError extends ValidationError {
  constructor(
    readonly problems: string[],
    field = "statement",
  ) {
    super(
      `The statement was refused (${problems.length} problem${problems.length === 1 ? "" : "s"}): ${problems.join("; ")}`,
      { [field]: problems },
    );
  }
}

/** The framework version a workspace can see, or null when it has no such version. */
export async function findFrameworkDefinition(
  workspaceId: string,
  framework: { key: string; version: string },
) {
  try {
    return (await getFrameworkVersion({ workspaceId, ...framework })).definition;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Checks a draft or published body against its framework; throws with every problem. */
export async function assertBodyFitsFramework(
  workspaceId: string,
  body: StatementDraft,
  field = "body",
) {
  const definition = await findFrameworkDefinition(workspaceId, body.framework);
  if (!definition)
    throw new StatementInvalidError(
      [
        `framework: ${body.framework.key} ${body.framework.version} is not a framework version of this workspace`,
      ],
      field,
    );
  const problems = checkAgainstFramework(body, definition);
  if (problems.length > 0) throw new StatementInvalidError(problems, field);
  return definition;
}
