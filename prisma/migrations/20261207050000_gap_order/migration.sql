-- The gap list's order on the part row, so that its first pages are a walk through one index
-- instead of an evaluation and sort of every part (lib/server/coverage/get-gap-list.ts). The
-- order is: critical first, the system's risk tier (CRITICAL … LOW, unset last), due date (none
-- last), system name, domain key, side, part id. Three of those keys live on other rows; the
-- part carries copies of them, which only the triggers below write.

-- AlterTable
ALTER TABLE "ResponsibilityPart" ADD COLUMN     "critical" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "riskTierRank" SMALLINT NOT NULL DEFAULT 4,
ADD COLUMN     "systemName" TEXT NOT NULL DEFAULT '';

-- The rank of lib/domain/responsibility.ts `riskTierRank`: most severe first, unset last.
CREATE FUNCTION "srm_risk_tier_rank"(tier "RiskTier") RETURNS SMALLINT
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE tier WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2
    WHEN 'LOW' THEN 3 ELSE 4 END)::SMALLINT
$$;

-- A part's copies are (re)read from its responsibility and system whenever the part is inserted
-- or a statement names a copy or the columns they depend on: whatever a write path passes for
-- them is replaced, so no write path can make them wrong. (Written by hand, like the coverage
-- triggers of migration 20261122014103_system_coverage_summary; Prisma does not model triggers.)
CREATE FUNCTION "srm_part_gap_order"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."critical" := COALESCE(
    (SELECT r.critical FROM "Responsibility" r WHERE r.id = NEW."responsibilityId"), false);
  SELECT "srm_risk_tier_rank"(s."riskTier"), s.name INTO NEW."riskTierRank", NEW."systemName"
  FROM "AiSystem" s WHERE s.id = NEW."systemId";
  NEW."riskTierRank" := COALESCE(NEW."riskTierRank", 4);
  NEW."systemName" := COALESCE(NEW."systemName", '');
  RETURN NEW;
END $$;

CREATE TRIGGER "ResponsibilityPart_gap_order" BEFORE INSERT OR UPDATE OF "critical",
  "riskTierRank", "systemName", "systemId", "responsibilityId" ON "ResponsibilityPart"
  FOR EACH ROW EXECUTE FUNCTION "srm_part_gap_order"();

-- A system's new name or risk tier reaches its parts; a responsibility's new critical flag its
-- parts. Row-level with a WHEN condition, so the many updates that change neither (every
-- coverage generation bump) never call the function; each call is one indexed UPDATE. The lock
-- order is the system's (or responsibility's) row, then its parts; the app's writers of a
-- workspace take its Workspace row before either (lib/db/transaction.ts).
CREATE FUNCTION "srm_system_gap_order"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ResponsibilityPart"
  SET "systemName" = NEW.name, "riskTierRank" = "srm_risk_tier_rank"(NEW."riskTier")
  WHERE "workspaceId" = NEW."workspaceId" AND "systemId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "AiSystem_gap_order" AFTER UPDATE OF name, "riskTier" ON "AiSystem"
  FOR EACH ROW WHEN ((OLD.name, OLD."riskTier") IS DISTINCT FROM (NEW.name, NEW."riskTier"))
  EXECUTE FUNCTION "srm_system_gap_order"();

CREATE FUNCTION "srm_responsibility_gap_order"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ResponsibilityPart" SET "critical" = NEW.critical WHERE "responsibilityId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "Responsibility_gap_order" AFTER UPDATE OF critical ON "Responsibility"
  FOR EACH ROW WHEN (OLD.critical IS DISTINCT FROM NEW.critical)
  EXECUTE FUNCTION "srm_responsibility_gap_order"();

-- Existing parts get their copies (the row trigger above fills them in).
UPDATE "ResponsibilityPart" SET "critical" = false;

-- CreateIndex: the gap order, text compared as code units like the engine's ORDER BY (COLLATE
-- "C"); schema.prisma declares the same index without the collations, which it cannot express.
CREATE INDEX "ResponsibilityPart_gap_order_idx" ON "ResponsibilityPart"("workspaceId",
  "critical" DESC, "riskTierRank", "dueDate", "systemName" COLLATE "C", "domainKey" COLLATE "C",
  "side", "id" COLLATE "C");
