import Link from "next/link";

import { CommentThread } from "@/components/comments/comment-thread";
import type { CommentView } from "@/lib/view/plans/comments";
import { planHref } from "@/lib/view/plans/links";

/**
 * Below a duty on its system page: the plans it is in, and its discussion thread folded in a
 * disclosure that says how many comments it holds (server-rendered; the thread is interactive).
 */
export function DutyDiscussion({
  slug,
  dutyId,
  label,
  comments,
  plans,
  currentUserId,
  canComment,
  canModerate,
}: {
  slug: string;
  dutyId: string;
  label: string;
  comments: CommentView[];
  plans: { id: string; title: string }[];
  currentUserId: string;
  canComment: boolean;
  canModerate: boolean;
}) {
  const live = comments.filter((c) => c.deletedAt === null).length;
  return (
    <div className="mt-2 grid gap-2">
      {plans.length > 0 ? (
        <p className="text-sm">
          In {plans.length === 1 ? "plan" : "plans"}:{" "}
          {plans.map((plan, index) => (
            <span key={plan.id}>
              {index > 0 ? ", " : null}
              <Link className="underline" href={planHref({ slug, planId: plan.id })}>
                {plan.title}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">
          Comments ({live})<span className="sr-only"> on {label}</span>
        </summary>
        <div className="mt-2">
          <CommentThread
            slug={slug}
            target={{ dutyId }}
            comments={comments}
            currentUserId={currentUserId}
            canComment={canComment}
            canModerate={canModerate}
            label={label}
          />
        </div>
      </details>
    </div>
  );
}
