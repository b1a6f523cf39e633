-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "coverageGeneration" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ResponsibilityPart" ADD COLUMN     "attestedEarliestUntil" TIMESTAMP(3),
ADD COLUMN     "attestedLatestUntil" TIMESTAMP(3),
ADD COLUMN     "attestedOpenEnded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "linkedEarliestUntil" TIMESTAMP(3),
ADD COLUMN     "linkedLatestUntil" TIMESTAMP(3),
ADD COLUMN     "linkedOpenEnded" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SystemCoverage" (
    "systemId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "totalParts" INTEGER NOT NULL,
    "coveredParts" INTEGER NOT NULL,
    "customerParts" INTEGER NOT NULL,
    "providerParts" INTEGER NOT NULL,
    "ownedParts" INTEGER NOT NULL,
    "implementedParts" INTEGER NOT NULL,
    "evidencedParts" INTEGER NOT NULL,
    "assuredParts" INTEGER NOT NULL,

    CONSTRAINT "SystemCoverage_pkey" PRIMARY KEY ("systemId")
);

-- CreateIndex
CREATE INDEX "SystemCoverage_workspaceId_idx" ON "SystemCoverage"("workspaceId");

-- DropIndex
DROP INDEX "EvidenceLink_workspaceId_idx";

-- CreateIndex
CREATE INDEX "EvidenceLink_workspaceId_partId_idx" ON "EvidenceLink"("workspaceId", "partId");

-- Both tables are rewritten row by row as coverage changes (a generation bump per write, a
-- stored row per recomputed system). Free space in each page lets PostgreSQL keep those updates
-- on the same page (HOT) and prune old versions without a vacuum; frequent autovacuum keeps
-- the rest from piling up after bulk changes.
ALTER TABLE "SystemCoverage" SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.05,
  autovacuum_vacuum_threshold = 500);
ALTER TABLE "AiSystem" SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05,
  autovacuum_vacuum_threshold = 500);

-- Invalidation of stored system coverage (written by hand; Prisma does not model triggers).
-- Every write that can change a system's coverage counts bumps AiSystem."coverageGeneration";
-- the engine ignores a SystemCoverage row whose generation differs. Done in the database, not in
-- the services, so that no write path (services, imports, seeds, scripts, cascades) can forget
-- it. Statement-level triggers with transition tables: a bulk write bumps each system once.
-- Their queries run through EXECUTE, so each is planned for the transition tables' actual size:
-- PL/pgSQL would otherwise keep the plan made at the first call (often a one-row write) and
-- reuse its nested loops for a 100,000-row write, which made a bulk link load take minutes.

-- Bumps the given systems, locking their rows in id order so that concurrent writers touching
-- overlapping systems queue up instead of deadlocking.
CREATE FUNCTION "srm_touch_systems"(system_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "AiSystem" SET "coverageGeneration" = "coverageGeneration" + 1
  WHERE id IN (SELECT id FROM "AiSystem" WHERE id IN (SELECT unnest(system_ids))
               ORDER BY id FOR NO KEY UPDATE)
$$;

-- Parts: inserted or deleted parts change their system's counts; an update does when a column
-- the coverage definition reads changed (including the linked-evidence summary below, which is
-- how link and evidence changes reach the system).
CREATE FUNCTION "srm_parts_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE $q$ SELECT "srm_touch_systems"(ARRAY(SELECT DISTINCT "systemId" FROM new_rows)) $q$;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE $q$ SELECT "srm_touch_systems"(ARRAY(SELECT DISTINCT "systemId" FROM old_rows)) $q$;
  ELSE
    EXECUTE $q$ SELECT "srm_touch_systems"(ARRAY(
      SELECT DISTINCT unnest(ARRAY[n."systemId", o."systemId"])
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."workspaceId", n."systemId", n.side, n."ownerId", n.status, n.justification,
             n."riskApproverId", n."riskAcceptanceExpiresAt", n."linkedOpenEnded",
             n."linkedLatestUntil", n."linkedEarliestUntil", n."attestedOpenEnded",
             n."attestedLatestUntil", n."attestedEarliestUntil")
        IS DISTINCT FROM
            (o."workspaceId", o."systemId", o.side, o."ownerId", o.status, o.justification,
             o."riskApproverId", o."riskAcceptanceExpiresAt", o."linkedOpenEnded",
             o."linkedLatestUntil", o."linkedEarliestUntil", o."attestedOpenEnded",
             o."attestedLatestUntil", o."attestedEarliestUntil"))) $q$;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ResponsibilityPart_coverage_insert" AFTER INSERT ON "ResponsibilityPart"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_parts_changed"();
CREATE TRIGGER "ResponsibilityPart_coverage_update" AFTER UPDATE ON "ResponsibilityPart"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "srm_parts_changed"();
CREATE TRIGGER "ResponsibilityPart_coverage_delete" AFTER DELETE ON "ResponsibilityPart"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_parts_changed"();

-- The linked-evidence summary of the given parts, recomputed from their links. Rows whose
-- summary did not change are left alone, so their systems keep their stored coverage.
CREATE FUNCTION "srm_refresh_part_evidence"(part_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "ResponsibilityPart" p SET
    "linkedOpenEnded" = x."linkedOpenEnded", "linkedLatestUntil" = x."linkedLatestUntil",
    "linkedEarliestUntil" = x."linkedEarliestUntil", "attestedOpenEnded" = x."attestedOpenEnded",
    "attestedLatestUntil" = x."attestedLatestUntil",
    "attestedEarliestUntil" = x."attestedEarliestUntil"
  FROM (
    SELECT q.id,
      COALESCE(bool_or(e.id IS NOT NULL AND e."validUntil" IS NULL), false) AS "linkedOpenEnded",
      max(e."validUntil") AS "linkedLatestUntil",
      min(e."validUntil") AS "linkedEarliestUntil",
      COALESCE(bool_or(e.kind = 'ATTESTATION' AND e."validUntil" IS NULL), false)
        AS "attestedOpenEnded",
      max(e."validUntil") FILTER (WHERE e.kind = 'ATTESTATION') AS "attestedLatestUntil",
      min(e."validUntil") FILTER (WHERE e.kind = 'ATTESTATION') AS "attestedEarliestUntil"
    FROM "ResponsibilityPart" q
    LEFT JOIN "EvidenceLink" l ON l."partId" = q.id AND l."workspaceId" = q."workspaceId"
    LEFT JOIN "Evidence" e ON e.id = l."evidenceId" AND e."workspaceId" = q."workspaceId"
      AND e."deletedAt" IS NULL AND e."supersededAt" IS NULL AND e."reviewStatus" <> 'REJECTED'
    -- IN (unnest) rather than = ANY: a hashed semi-join, not a scan of the array per row, for
    -- the bulk case (one statement linking 150,000 items).
    WHERE q.id IN (SELECT unnest(part_ids))
    GROUP BY q.id) x
  WHERE p.id = x.id
    AND (p."linkedOpenEnded", p."linkedLatestUntil", p."linkedEarliestUntil",
         p."attestedOpenEnded", p."attestedLatestUntil", p."attestedEarliestUntil")
      IS DISTINCT FROM
        (x."linkedOpenEnded", x."linkedLatestUntil", x."linkedEarliestUntil",
         x."attestedOpenEnded", x."attestedLatestUntil", x."attestedEarliestUntil")
$$;

-- Evidence links: the summary of the linked parts. (A link removed together with its part
-- finds no part to refresh; the part's own trigger has bumped the system.)
CREATE FUNCTION "srm_links_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE $q$ SELECT "srm_refresh_part_evidence"(ARRAY(SELECT DISTINCT "partId" FROM new_rows)) $q$;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE $q$ SELECT "srm_refresh_part_evidence"(ARRAY(SELECT DISTINCT "partId" FROM old_rows)) $q$;
  ELSE
    EXECUTE $q$ SELECT "srm_refresh_part_evidence"(ARRAY(
      SELECT "partId" FROM new_rows UNION SELECT "partId" FROM old_rows)) $q$;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "EvidenceLink_coverage_insert" AFTER INSERT ON "EvidenceLink"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_links_changed"();
CREATE TRIGGER "EvidenceLink_coverage_update" AFTER UPDATE ON "EvidenceLink"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "srm_links_changed"();
CREATE TRIGGER "EvidenceLink_coverage_delete" AFTER DELETE ON "EvidenceLink"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_links_changed"();

-- Evidence: a change to what makes it current (review, revision, deletion, validity, kind,
-- vendor) refreshes the summary of the parts it is linked to and, for a vendor attestation,
-- bumps every system of that vendor (before and after the change). A new item has no links yet; only a new
-- vendor attestation matters. A deleted item's links go with it (their trigger fires).
CREATE FUNCTION "srm_evidence_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  changed TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE $q$ SELECT "srm_touch_systems"(ARRAY(
      SELECT s.id FROM new_rows e
      JOIN "AiSystem" s ON s."vendorId" = e."vendorId" AND s."workspaceId" = e."workspaceId"
      WHERE e.kind = 'ATTESTATION')) $q$;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE $q$ SELECT "srm_touch_systems"(ARRAY(
      SELECT s.id FROM old_rows e
      JOIN "AiSystem" s ON s."vendorId" = e."vendorId" AND s."workspaceId" = e."workspaceId"
      WHERE e.kind = 'ATTESTATION')) $q$;
  ELSE
    EXECUTE $q$ SELECT ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."workspaceId", n.kind, n."vendorId", n."reviewStatus", n."validUntil",
             n."supersededAt", n."deletedAt")
        IS DISTINCT FROM
            (o."workspaceId", o.kind, o."vendorId", o."reviewStatus", o."validUntil",
             o."supersededAt", o."deletedAt")) $q$ INTO changed;
    EXECUTE $q$ SELECT "srm_refresh_part_evidence"(ARRAY(
      SELECT DISTINCT l."partId" FROM "EvidenceLink" l
      WHERE l."evidenceId" IN (SELECT unnest($1)))) $q$ USING changed;
    EXECUTE $q$ SELECT "srm_touch_systems"(ARRAY(
      SELECT s.id FROM new_rows e
      JOIN "AiSystem" s ON s."vendorId" = e."vendorId" AND s."workspaceId" = e."workspaceId"
      WHERE e.kind = 'ATTESTATION' AND e.id IN (SELECT unnest($1))
      UNION
      SELECT s.id FROM old_rows e
      JOIN "AiSystem" s ON s."vendorId" = e."vendorId" AND s."workspaceId" = e."workspaceId"
      WHERE e.kind = 'ATTESTATION' AND e.id IN (SELECT unnest($1)))) $q$ USING changed;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Evidence_coverage_insert" AFTER INSERT ON "Evidence"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_evidence_changed"();
CREATE TRIGGER "Evidence_coverage_update" AFTER UPDATE ON "Evidence"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "srm_evidence_changed"();
CREATE TRIGGER "Evidence_coverage_delete" AFTER DELETE ON "Evidence"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_evidence_changed"();

-- A system's own vendor decides which vendor attestations assure its provider parts.
CREATE FUNCTION "srm_system_vendor_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."vendorId" IS DISTINCT FROM OLD."vendorId"
     OR NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId" THEN
    NEW."coverageGeneration" := OLD."coverageGeneration" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "AiSystem_coverage_vendor" BEFORE UPDATE ON "AiSystem"
  FOR EACH ROW EXECUTE FUNCTION "srm_system_vendor_changed"();

-- A deleted system's stored counts go with it (SystemCoverage has no foreign keys; see schema).
CREATE FUNCTION "srm_systems_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SystemCoverage" WHERE "systemId" IN (SELECT id FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER "AiSystem_coverage_delete" AFTER DELETE ON "AiSystem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_systems_deleted"();

-- Existing parts get their linked-evidence summary.
SELECT "srm_refresh_part_evidence"(ARRAY(SELECT id FROM "ResponsibilityPart"));
