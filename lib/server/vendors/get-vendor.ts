import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import { ASSESSMENT_TOPICS } from "@/lib/validation/vendors";

/** One vendor with its systems and its assessment (one entry per topic, answered or not). */
export async function getVendor({
  workspaceId,
  vendorId,
}: {
  workspaceId: string;
  vendorId: string;
}) {
  const vendor = await db.vendor.findFirst({
    where: { id: vendorId, workspaceId },
    include: {
      systems: {
        where: { workspaceId },
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          primaryModel: true,
          riskTier: true,
          lifecycle: true,
          archivedAt: true,
        },
      },
      answers: { where: { workspaceId } },
    },
  });
  if (!vendor) throw new NotFoundError("Vendor not found.");
  const members = await memberDirectory(workspaceId);
  const byTopic = new Map(vendor.answers.map((answer) => [answer.topicKey, answer]));
  const { answers: _answers, ...fields } = vendor;
  void _answers;
  return {
    vendor: fields,
    assessment: ASSESSMENT_TOPICS.map((topic) => {
      const answer = byTopic.get(topic.key);
      return {
        topicKey: topic.key,
        title: topic.title,
        questions: topic.questions,
        answer: answer?.answer ?? null,
        status: answer?.status ?? "NOT_STARTED",
        reviewerId: answer?.reviewerId ?? null,
        reviewerName: answer?.reviewerId
          ? (members.get(answer.reviewerId)?.name ?? "Former member")
          : null,
        updatedAt: answer?.updatedAt ?? null,
      };
    }),
  };
}
