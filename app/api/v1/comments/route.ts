import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/server/api/route";
import { createCommentSpec, listCommentsSpec } from "@/lib/server/api/specs/plans";
import { createComment } from "@/lib/server/comments/create-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(listCommentsSpec, async ({ workspace, query }) => {
  if ((query?.dutyId === undefined) === (query?.planId === undefined))
    throw ValidationError.forField("dutyId", "Give either dutyId or planId.");
  return apiJson({ comments: await listComments({ workspaceId: workspace.id, ...query }) });
});

export const POST = apiRoute(createCommentSpec, async ({ workspace, actor, creatorId, body }) =>
  apiJson(
    await createComment({ workspaceId: workspace.id, actor, authorId: creatorId, input: body! }),
    201,
  ),
);
