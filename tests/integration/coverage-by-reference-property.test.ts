// Coverage by external reference: the engine's grouping (getCoverageByReference, a join of the
// per-duty SQL with crosswalk edges) against the plain TypeScript reference
// (lib/domain/reference-coverage.ts, built on lib/domain/coverage-reference.ts) on random
// workspaces, random edges and random scopes. Some systems are moved to a second framework whose
// rows share keys with the first, so an edge must only count for systems on its own framework.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { MappingPair } from "@/lib/crosswalks/active-mapping";
import { db } from "@/lib/db/client";
import type { CoverageScope, WorkspaceSnapshot } from "@/lib/domain/coverage-snapshot";
import { referenceCoverageByReference } from "@/lib/domain/reference-coverage";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { getCoverageByReference } from "@/lib/server/coverage/get-coverage-by-reference";
import {
  DOMAINS,
  MODELS,
  NOW,
  workspaceArbitrary,
  writeWorkspace,
} from "@/tests/support/coverage-fixtures";

const CATALOGUES = ["cat-a", "cat-b"] as const;
const ENTRIES = ["E1", "E2:2025", "E 3", "e4"] as const;

const pairsArbitrary = fc
  .uniqueArray(
    fc.record({
      framework: fc.constantFrom("cov", "cov2"),
      row: fc.constantFrom(...DOMAINS, "no_such_domain"),
      catalogue: fc.constantFrom(...CATALOGUES),
      entry: fc.constantFrom(...ENTRIES),
    }),
    {
      selector: (p) => `${p.framework}|${p.row}|${p.catalogue}|${p.entry}`,
      minLength: 1,
      maxLength: 20,
    },
  )
  .map((pairs): MappingPair[] => pairs);

const scopeArbitrary = fc.oneof(
  { arbitrary: fc.constant<CoverageScope>({}), weight: 3 },
  fc.record({ deploymentModel: fc.constantFrom(...MODELS) }),
  fc.record({ domainKeys: fc.subarray(DOMAINS) }),
);

/** Moves every other system to a second framework "cov2" of the same workspace. */
async function splitFrameworks(workspaceId: string, snapshot: WorkspaceSnapshot) {
  const framework = await db.framework.create({
    data: { scopeKey: workspaceId, workspaceId, key: "cov2", name: "Cov 2", publisher: "Tests" },
  });
  const version = await db.frameworkVersion.create({
    data: { frameworkId: framework.id, version: "1", definition: {}, definitionHash: workspaceId },
  });
  const moved = snapshot.systems.filter((_, index) => index % 2 === 1).map((s) => s.id);
  await db.aiSystem.updateMany({
    where: { workspaceId, id: { in: moved } },
    data: { frameworkVersionId: version.id },
  });
  return new Map(snapshot.systems.map((s) => [s.id, moved.includes(s.id) ? "cov2" : "cov"]));
}

describe("coverage by reference ≡ reference on random workspaces", () => {
  it("agrees per reference and per catalogue, with and without a scope", async () => {
    await fc.assert(
      fc.asyncProperty(
        workspaceArbitrary,
        pairsArbitrary,
        scopeArbitrary,
        async (fixture, pairs, scope) => {
          const workspaceId = await writeWorkspace(fixture);
          const frameworkOfSystem = await splitFrameworks(workspaceId, fixture);
          for (const s of [undefined, scope]) {
            const engine = await getCoverageByReference({ workspaceId, pairs, scope: s, now: NOW });
            const reference = referenceCoverageByReference({
              snapshot: fixture,
              now: NOW,
              scope: s,
              pairs,
              frameworkOfSystem,
            });
            expect(engine).toEqual(reference);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it("equals getCoverage over the same domains when one framework is mapped", async () => {
    const [fixture] = fc.sample(workspaceArbitrary, { numRuns: 1, seed: 17 });
    const workspaceId = await writeWorkspace(fixture!);
    const pairs: MappingPair[] = ["agents", "data"].map((row) => ({
      framework: "cov",
      row,
      catalogue: "cat-a",
      entry: "E1",
    }));
    const { references, catalogues } = await getCoverageByReference({
      workspaceId,
      pairs,
      now: NOW,
    });
    const direct = await getCoverage({
      workspaceId,
      now: NOW,
      scope: { domainKeys: ["agents", "data"] },
    });
    if (direct.totalDuties === 0) {
      expect(references).toEqual([]);
    } else {
      expect(references).toEqual([{ catalogue: "cat-a", entry: "E1", ...direct }]);
      expect(catalogues).toEqual([{ catalogue: "cat-a", ...direct }]);
    }
  });
});
