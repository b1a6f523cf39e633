/** "3 of 5 duties covered" with a bar; the words carry the value, the bar only echoes it. */
export function PlanProgress({ covered, total }: { covered: number; total: number }) {
  const share = total === 0 ? 0 : Math.round((covered / total) * 100);
  return (
    <span className="grid min-w-32 gap-1" data-testid="plan-progress">
      <span className="text-sm tabular-nums">
        {covered}/{total} covered
      </span>
      <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded-full bg-muted">
        <span className="block h-full bg-primary" style={{ width: `${share}%` }} />
      </span>
    </span>
  );
}
