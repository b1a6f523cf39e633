-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "coverageGeneration" INTEGER NOT NULL DEFAULT 0;

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

-- Bumps the given systems, locking their rows in id order so that concurrent writers touching
-- overlapping systems queue up instead of deadlocking.
CREATE FUNCTION "srm_touch_systems"(system_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "AiSystem" SET "coverageGeneration" = "coverageGeneration" + 1
  WHERE id IN (SELECT id FROM "AiSystem" WHERE id = ANY(system_ids) ORDER BY id FOR NO KEY UPDATE)
$$;

-- Parts: inserted or deleted parts change their system's counts; an update does when a column
-- the coverage definition reads changed.
CREATE FUNCTION "srm_parts_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "srm_touch_systems"(ARRAY(SELECT DISTINCT "systemId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "srm_touch_systems"(ARRAY(SELECT DISTINCT "systemId" FROM old_rows));
  ELSE
    PERFORM "srm_touch_systems"(ARRAY(
      SELECT DISTINCT unnest(ARRAY[n."systemId", o."systemId"])
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."workspaceId", n."systemId", n.side, n."ownerId", n.status, n.justification,
             n."riskApproverId", n."riskAcceptanceExpiresAt")
        IS DISTINCT FROM
            (o."workspaceId", o."systemId", o.side, o."ownerId", o.status, o.justification,
             o."riskApproverId", o."riskAcceptanceExpiresAt")));
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

-- Evidence links: the systems of the linked parts. (A link removed together with its part
-- finds no part here; the part's own trigger has bumped the system.)
CREATE FUNCTION "srm_links_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "srm_touch_systems"(ARRAY(
      SELECT DISTINCT p."systemId" FROM new_rows l JOIN "ResponsibilityPart" p ON p.id = l."partId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "srm_touch_systems"(ARRAY(
      SELECT DISTINCT p."systemId" FROM old_rows l JOIN "ResponsibilityPart" p ON p.id = l."partId"));
  ELSE
    PERFORM "srm_touch_systems"(ARRAY(
      SELECT DISTINCT p."systemId"
      FROM (SELECT "partId" FROM new_rows UNION SELECT "partId" FROM old_rows) l
      JOIN "ResponsibilityPart" p ON p.id = l."partId"));
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
-- vendor) reaches the systems of the parts it is linked to and, for a vendor attestation, every
-- system of that vendor (before and after the change). A new item has no links yet; only a new
-- vendor attestation matters. A deleted item's links go with it (their trigger fires).
CREATE FUNCTION "srm_evidence_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "srm_touch_systems"(ARRAY(
      SELECT s.id FROM new_rows e
      JOIN "AiSystem" s ON s."vendorId" = e."vendorId" AND s."workspaceId" = e."workspaceId"
      WHERE e.kind = 'ATTESTATION'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "srm_touch_systems"(ARRAY(
      SELECT s.id FROM old_rows e
      JOIN "AiSystem" s ON s."vendorId" = e."vendorId" AND s."workspaceId" = e."workspaceId"
      WHERE e.kind = 'ATTESTATION'));
  ELSE
    PERFORM "srm_touch_systems"(ARRAY(
      WITH changed AS (
        SELECT n.id, n."workspaceId" AS nw, n.kind AS nk, n."vendorId" AS nv,
               o."workspaceId" AS ow, o.kind AS ok, o."vendorId" AS ov
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n."workspaceId", n.kind, n."vendorId", n."reviewStatus", n."validUntil",
               n."supersededAt", n."deletedAt")
          IS DISTINCT FROM
              (o."workspaceId", o.kind, o."vendorId", o."reviewStatus", o."validUntil",
               o."supersededAt", o."deletedAt"))
      SELECT p."systemId" FROM changed c
        JOIN "EvidenceLink" l ON l."evidenceId" = c.id
        JOIN "ResponsibilityPart" p ON p.id = l."partId"
      UNION
      SELECT s.id FROM changed c
        JOIN "AiSystem" s ON s."vendorId" = c.nv AND s."workspaceId" = c.nw
        WHERE c.nk = 'ATTESTATION'
      UNION
      SELECT s.id FROM changed c
        JOIN "AiSystem" s ON s."vendorId" = c.ov AND s."workspaceId" = c.ow
        WHERE c.ok = 'ATTESTATION'));
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
