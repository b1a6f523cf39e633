export type LostDutyView = {
  id: string;
  domainKey: string;
  side: string;
  ownerId: string | null;
  status: string;
  hasJustification?: boolean;
  evidenceLinks: number;
};

export type DutyLossView = { hash: string; parts: LostDutyView[] };

/** Reads a loss from an action's 409 answer (error.details.loss), if it carries one. */
export function lossFromError(
  error: { code?: string; details?: Record<string, unknown> } | undefined,
): DutyLossView | null {
  if (error?.code !== "CONFLICT") return null;
  const loss = error.details?.loss as DutyLossView | undefined;
  return loss && typeof loss.hash === "string" && Array.isArray(loss.parts) ? loss : null;
}

const status = (value: string) => value.toLowerCase().replace(/_/g, " ");

/**
 * The duties a change removes, part by part, as the server described them: what the user
 * confirms. They are archived, not destroyed, and come back with their work on switching back.
 */
export function DutyLossList({
  loss,
  domainName = (key) => key,
}: {
  loss: DutyLossView;
  domainName?: (key: string) => string;
}) {
  if (loss.parts.length === 0) return null;
  return (
    <div className="grid gap-1">
      <p className="font-medium">
        {loss.parts.length === 1
          ? "This duty is removed:"
          : `These ${loss.parts.length} duties are removed:`}
      </p>
      <ul className="list-disc pl-5">
        {loss.parts.map((part) => (
          <li key={part.id}>
            {domainName(part.domainKey)}, {part.side.toLowerCase()} side: {status(part.status)}
            {part.ownerId ? ", with an owner" : ""}
            {part.hasJustification ? ", with a justification" : ""}
            {part.evidenceLinks > 0
              ? `, ${part.evidenceLinks} evidence link${part.evidenceLinks === 1 ? "" : "s"}`
              : ""}
          </li>
        ))}
      </ul>
      <p>
        They are archived, not deleted: switching back restores their owners, statuses,
        justifications and evidence links.
      </p>
    </div>
  );
}
