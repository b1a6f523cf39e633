// The SQL engine against the TypeScript reference (lib/domain/coverage-reference.ts) on random
// workspaces: every rate, every scope, every grouping, the gap list (rows, reasons, order,
// pages, filters) and the heat map must be identical. Workspaces accumulate in one database, so
// each run also checks that the others' rows never leak in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  computeCoverage,
  evaluateDuties,
  type Gap,
  GAP_REASONS,
  gapList,
  isActiveSystem,
} from "@/lib/domain/coverage-reference";
import type { CoverageScope, WorkspaceSnapshot } from "@/lib/domain/coverage-snapshot";
import { RISK_TIERS } from "@/lib/domain/responsibility";
import { type CoverageGroup, getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getHeatmap } from "@/lib/server/coverage/get-heatmap";
import {
  DOMAINS,
  MODELS,
  NOW,
  OWNERS,
  workspaceArbitrary,
  type WorkspaceFixture,
  writeWorkspace,
} from "@/tests/support/coverage-fixtures";

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : compareText(a, b);

/** null (field not given) five times out of six, so combined scopes still match some parts. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary, weight: 1 });

const scopeArbitrary = fc.record({
  systems: rarely(fc.array(fc.nat(), { maxLength: 3 })),
  domains: rarely(fc.subarray(DOMAINS)),
  model: rarely(fc.constantFrom(...MODELS)),
  owner: rarely(fc.constantFrom(...OWNERS)),
  vendor: rarely(fc.nat(1)),
});

const filtersArbitrary = fc.record({
  reason: rarely(fc.constantFrom(...GAP_REASONS)),
  domain: rarely(fc.constantFrom(...DOMAINS)),
  model: rarely(fc.constantFrom(...MODELS)),
  riskTier: rarely(fc.constantFrom("none" as const, ...RISK_TIERS)),
  owner: rarely(fc.constantFrom("none" as const, ...OWNERS)),
  critical: rarely(fc.boolean()),
  page: fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 15 })),
});

type ScopePick = typeof scopeArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toScope(fixture: WorkspaceFixture, pick: ScopePick): CoverageScope {
  const vendors = Object.keys(fixture.vendorNames);
  const scope: CoverageScope = {};
  if (pick.systems)
    Object.assign(scope, {
      systemIds: pick.systems.flatMap((i) =>
        fixture.systems.length ? [fixture.systems[i % fixture.systems.length]!.id] : [],
      ),
    });
  if (pick.domains) Object.assign(scope, { domainKeys: pick.domains });
  if (pick.model) Object.assign(scope, { deploymentModel: pick.model });
  if (pick.owner) Object.assign(scope, { ownerId: pick.owner });
  if (pick.vendor !== null) Object.assign(scope, { vendorId: vendors[pick.vendor] });
  return scope;
}

/** The reference's summary of every group, keyed as getCoverageBy keys them. */
function referenceGroups(snapshot: WorkspaceSnapshot, groupBy: CoverageGroup) {
  const parts = evaluateDuties({ snapshot, now: NOW });
  const keysOf = (p: (typeof parts)[number]): (string | null)[] => {
    switch (groupBy) {
      case "system":
        return [p.system.id];
      case "domain":
        return [p.responsibility.domainKey];
      case "deploymentModel":
        return [...new Set(p.system.deploymentModels)];
      case "owner":
        return [p.part.ownerId];
      case "vendor":
        return [p.system.vendorId];
    }
  };
  const keys = [...new Set(parts.flatMap(keysOf))].sort(byKey);
  return keys.map((key) => {
    const dutyIds = new Set(parts.filter((p) => keysOf(p).includes(key)).map((p) => p.part.id));
    const scoped = { ...snapshot, parts: snapshot.parts.filter((p) => dutyIds.has(p.id)) };
    return { key, label: undefined, ...computeCoverage({ snapshot: scoped, now: NOW }) };
  });
}

function referenceHeatmap(snapshot: WorkspaceSnapshot) {
  const parts = evaluateDuties({ snapshot, now: NOW });
  const systems = new Map(snapshot.systems.map((s) => [s.id, s]));
  return snapshot.responsibilities
    .filter((r) => isActiveSystem(systems.get(r.systemId)!))
    .map((r) => {
      const own = parts.filter((p) => p.responsibility.id === r.id);
      const covered = own.filter((p) => p.covered).length;
      const state =
        own.length === 0
          ? "not_applicable"
          : covered === own.length
            ? "covered"
            : covered > 0
              ? "partly"
              : "gap";
      return {
        systemId: r.systemId,
        systemName: systems.get(r.systemId)!.name,
        responsibilityId: r.id,
        domainKey: r.domainKey,
        value: r.value,
        critical: r.critical,
        totalDuties: own.length,
        coveredDuties: covered,
        state,
      };
    })
    .sort(
      (a, b) =>
        compareText(a.systemName, b.systemName) ||
        compareText(a.systemId, b.systemId) ||
        compareText(a.domainKey, b.domainKey),
    );
}

/** The engine's gap row minus the one field the reference does not have. */
function withoutOwnerName(row: Gap & { ownerName: string | null }): Gap {
  const gap: Gap & { ownerName?: string | null } = { ...row };
  delete gap.ownerName;
  return gap;
}

describe("coverage engine ≡ reference on random workspaces", () => {
  it("agrees on rates, scopes, groups, gap list and heat map", async () => {
    await fc.assert(
      fc.asyncProperty(
        workspaceArbitrary,
        scopeArbitrary,
        filtersArbitrary,
        async (fixture, pick, filters) => {
          const workspaceId = await writeWorkspace(fixture);
          const snapshot: WorkspaceSnapshot = fixture;
          const now = NOW;

          expect(await getCoverage({ workspaceId, now })).toEqual(
            computeCoverage({ snapshot, now }),
          );
          const scope = toScope(fixture, pick);
          expect(await getCoverage({ workspaceId, now, scope })).toEqual(
            computeCoverage({ snapshot, now, scope }),
          );

          for (const groupBy of [
            "system",
            "domain",
            "deploymentModel",
            "owner",
            "vendor",
          ] as const) {
            const rows = await getCoverageBy({ workspaceId, groupBy, now });
            expect(rows.map((row) => ({ ...row, label: undefined }))).toEqual(
              referenceGroups(snapshot, groupBy),
            );
          }

          const gaps = gapList({ snapshot, now });
          const all = await getGapList({ workspaceId, now, limit: 10_000 });
          expect(all.total).toBe(gaps.length);
          expect(all.rows.map(withoutOwnerName)).toEqual(gaps);
          for (const row of all.rows)
            expect(row.ownerName).toBe(
              row.ownerId && fixture.memberOwners.includes(row.ownerId)
                ? `Name of ${row.ownerId}`
                : null,
            );

          const scopedGaps = gapList({ snapshot, now, scope });
          const [offset, limit] = filters.page;
          const page = await getGapList({ workspaceId, now, scope, limit, offset });
          expect(page.total).toBe(scopedGaps.length);
          expect(page.rows.map(withoutOwnerName)).toEqual(scopedGaps.slice(offset, offset + limit));

          const systemOf = new Map(snapshot.systems.map((s) => [s.id, s]));
          const expected = gaps.filter(
            (g) =>
              (filters.reason === null || g.reasons.includes(filters.reason)) &&
              (filters.domain === null || g.domainKey === filters.domain) &&
              (filters.model === null ||
                systemOf.get(g.systemId)!.deploymentModels.includes(filters.model)) &&
              (filters.riskTier === null ||
                g.riskTier === (filters.riskTier === "none" ? null : filters.riskTier)) &&
              (filters.owner === null ||
                g.ownerId === (filters.owner === "none" ? null : filters.owner)) &&
              (filters.critical === null || g.critical === filters.critical),
          );
          const filtered = await getGapList({
            workspaceId,
            now,
            limit: 10_000,
            filters: {
              reason: filters.reason ?? undefined,
              domain: filters.domain ?? undefined,
              model: filters.model ?? undefined,
              riskTier: filters.riskTier === "none" ? null : (filters.riskTier ?? undefined),
              ownerId: filters.owner === "none" ? null : (filters.owner ?? undefined),
              critical: filters.critical ?? undefined,
            },
          });
          expect(filtered.rows.map(withoutOwnerName)).toEqual(expected);

          expect(await getHeatmap({ workspaceId, now })).toEqual(referenceHeatmap(snapshot));
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
