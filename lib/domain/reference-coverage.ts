/**
 * REFERENCE definition of coverage by external reference, for the property test of
 * lib/server/coverage/get-coverage-by-reference.ts: plain TypeScript over the coverage reference
 * (`evaluateDuties`, `computeCoverage` in coverage-reference.ts), no SQL.
 *
 * A part counts for a (catalogue, entry) when some pair names its system's framework and its
 * domain; a catalogue's figures count each such part once.
 */
import type { MappingPair } from "@/lib/crosswalks/active-mapping";
import {
  computeCoverage,
  type CoverageSummary,
  evaluateDuties,
} from "@/lib/domain/coverage-reference";
import type { CoverageScope, WorkspaceSnapshot } from "@/lib/domain/coverage-snapshot";

export function referenceCoverageByReference(input: {
  snapshot: WorkspaceSnapshot;
  now: Date;
  scope?: CoverageScope;
  pairs: readonly MappingPair[];
  /** The framework key each system is assessed against. */
  frameworkOfSystem: ReadonlyMap<string, string>;
}): {
  references: (CoverageSummary & { catalogue: string; entry: string })[];
  catalogues: (CoverageSummary & { catalogue: string })[];
} {
  const { snapshot, now } = input;
  const parts = evaluateDuties({ snapshot, now, scope: input.scope });
  const applies = (p: (typeof parts)[number], pair: MappingPair) =>
    input.frameworkOfSystem.get(p.system.id) === pair.framework &&
    p.responsibility.domainKey === pair.row;
  const summarise = (keep: (p: (typeof parts)[number]) => boolean) => {
    const ids = new Set(parts.filter(keep).map((p) => p.part.id));
    return {
      count: ids.size,
      summary: computeCoverage({
        snapshot: { ...snapshot, parts: snapshot.parts.filter((p) => ids.has(p.id)) },
        now,
      }),
    };
  };
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  const entries = [...new Set(input.pairs.map((p) => `${p.catalogue}\u0000${p.entry}`))].sort(
    compare,
  );
  const references = entries.flatMap((key) => {
    const [catalogue, entry] = key.split("\u0000") as [string, string];
    const mine = input.pairs.filter((p) => p.catalogue === catalogue && p.entry === entry);
    const { count, summary } = summarise((part) => mine.some((pair) => applies(part, pair)));
    return count === 0 ? [] : [{ catalogue, entry, ...summary }];
  });
  const catalogueKeys = [...new Set(input.pairs.map((p) => p.catalogue))].sort(compare);
  const catalogues = catalogueKeys.flatMap((catalogue) => {
    const mine = input.pairs.filter((p) => p.catalogue === catalogue);
    const { count, summary } = summarise((part) => mine.some((pair) => applies(part, pair)));
    return count === 0 ? [] : [{ catalogue, ...summary }];
  });
  return { references, catalogues };
}
