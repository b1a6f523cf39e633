import { apiRoute } from "@/lib/server/api/route";
import { deleteCommentSpec, updateCommentSpec } from "@/lib/server/api/specs/plans";
import { deleteComment } from "@/lib/server/comments/delete-comment";
import { updateComment } from "@/lib/server/comments/update-comment";
import { apiJson } from "@/lib/server/systems/api-json";

// The person acting is the token's creator; the token's role decides moderation (deleteAny).
export const PATCH = apiRoute(
  updateCommentSpec,
  async ({ workspace, actor, creatorId, params, body }) =>
    apiJson(
      await updateComment({
        workspaceId: workspace.id,
        actor,
        userId: creatorId,
        input: { ...body!, commentId: params!.commentId },
      }),
    ),
);

export const DELETE = apiRoute(
  deleteCommentSpec,
  async ({ workspace, actor, creatorId, role, params }) =>
    apiJson(
      await deleteComment({
        workspaceId: workspace.id,
        actor,
        userId: creatorId,
        role,
        commentId: params!.commentId,
      }),
    ),
);
