-- The coverage engine's database functions and triggers: the one source of their definitions.
--
-- Every statement is idempotent (CREATE OR REPLACE), so the file can be applied to a database
-- that already has them. A migration that changes one of them copies this whole file into its
-- migration.sql after its own ALTERs; tests/integration/trigger-source.test.ts fails when the
-- functions and triggers of a freshly migrated database differ from what this file defines.
-- Prisma does not model triggers, so nothing else writes them. What they maintain and why is in
-- docs/architecture.md ("The coverage engine").
--
-- PL/pgSQL functions run their statements through EXECUTE so that each call is planned for its
-- own transition table: a cached plan made for a one-row write would be reused for a
-- 100,000-row bulk load.

-- Bumps the given systems, locking their rows in id order so that concurrent writers touching
-- overlapping systems queue up instead of deadlocking.
CREATE OR REPLACE FUNCTION "srm_touch_systems"(system_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "AiSystem" SET "coverageGeneration" = "coverageGeneration" + 1
  WHERE id IN (SELECT id FROM "AiSystem" WHERE id IN (SELECT unnest(system_ids))
               ORDER BY id FOR NO KEY UPDATE)
$$;

-- Duties: inserted or deleted duties change their system's counts; an update does when a column
-- the coverage definition reads changed (including the linked-evidence summary below, which is
-- how link and evidence changes reach the system).
CREATE OR REPLACE FUNCTION "srm_duties_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE TRIGGER "Duty_coverage_insert" AFTER INSERT ON "Duty"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_duties_changed"();
CREATE OR REPLACE TRIGGER "Duty_coverage_update" AFTER UPDATE ON "Duty"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "srm_duties_changed"();
CREATE OR REPLACE TRIGGER "Duty_coverage_delete" AFTER DELETE ON "Duty"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_duties_changed"();

-- The linked-evidence summary of the given duties, recomputed from their links. Rows whose
-- summary did not change are left alone, so their systems keep their stored coverage.
CREATE OR REPLACE FUNCTION "srm_refresh_duty_evidence"(duty_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "Duty" p SET
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
    FROM "Duty" q
    LEFT JOIN "EvidenceLink" l ON l."dutyId" = q.id AND l."workspaceId" = q."workspaceId"
    LEFT JOIN "Evidence" e ON e.id = l."evidenceId" AND e."workspaceId" = q."workspaceId"
      AND e."deletedAt" IS NULL AND e."supersededAt" IS NULL AND e."reviewStatus" <> 'REJECTED'
    -- IN (unnest) rather than = ANY: a hashed semi-join, not a scan of the array per row, for
    -- the bulk case (one statement linking 150,000 items).
    WHERE q.id IN (SELECT unnest(duty_ids))
    GROUP BY q.id) x
  WHERE p.id = x.id
    AND (p."linkedOpenEnded", p."linkedLatestUntil", p."linkedEarliestUntil",
         p."attestedOpenEnded", p."attestedLatestUntil", p."attestedEarliestUntil")
      IS DISTINCT FROM
        (x."linkedOpenEnded", x."linkedLatestUntil", x."linkedEarliestUntil",
         x."attestedOpenEnded", x."attestedLatestUntil", x."attestedEarliestUntil")
$$;

-- Evidence links: the summary of the linked duties. (A link removed together with its duty
-- finds no duty to refresh; the duty's own trigger has bumped the system.)
CREATE OR REPLACE FUNCTION "srm_links_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE $q$ SELECT "srm_refresh_duty_evidence"(ARRAY(SELECT DISTINCT "dutyId" FROM new_rows)) $q$;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE $q$ SELECT "srm_refresh_duty_evidence"(ARRAY(SELECT DISTINCT "dutyId" FROM old_rows)) $q$;
  ELSE
    EXECUTE $q$ SELECT "srm_refresh_duty_evidence"(ARRAY(
      SELECT "dutyId" FROM new_rows UNION SELECT "dutyId" FROM old_rows)) $q$;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "EvidenceLink_coverage_insert" AFTER INSERT ON "EvidenceLink"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_links_changed"();
CREATE OR REPLACE TRIGGER "EvidenceLink_coverage_update" AFTER UPDATE ON "EvidenceLink"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "srm_links_changed"();
CREATE OR REPLACE TRIGGER "EvidenceLink_coverage_delete" AFTER DELETE ON "EvidenceLink"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_links_changed"();

-- Evidence: a change to what makes it current (review, revision, deletion, validity, kind,
-- vendor) refreshes the summary of the duties it is linked to and, for a vendor attestation,
-- bumps every system of that vendor (before and after the change). A new item has no links yet; only a new
-- vendor attestation matters. A deleted item's links go with it (their trigger fires).
CREATE OR REPLACE FUNCTION "srm_evidence_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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
    EXECUTE $q$ SELECT "srm_refresh_duty_evidence"(ARRAY(
      SELECT DISTINCT l."dutyId" FROM "EvidenceLink" l
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

CREATE OR REPLACE TRIGGER "Evidence_coverage_insert" AFTER INSERT ON "Evidence"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_evidence_changed"();
CREATE OR REPLACE TRIGGER "Evidence_coverage_update" AFTER UPDATE ON "Evidence"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "srm_evidence_changed"();
CREATE OR REPLACE TRIGGER "Evidence_coverage_delete" AFTER DELETE ON "Evidence"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_evidence_changed"();

-- A system's own vendor decides which vendor attestations assure its provider duties.
CREATE OR REPLACE FUNCTION "srm_system_vendor_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."vendorId" IS DISTINCT FROM OLD."vendorId"
     OR NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId" THEN
    NEW."coverageGeneration" := OLD."coverageGeneration" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "AiSystem_coverage_vendor" BEFORE UPDATE ON "AiSystem"
  FOR EACH ROW EXECUTE FUNCTION "srm_system_vendor_changed"();

-- A deleted system's stored counts go with it (SystemCoverage has no foreign keys; see schema).
CREATE OR REPLACE FUNCTION "srm_systems_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SystemCoverage" WHERE "systemId" IN (SELECT id FROM old_rows);
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "AiSystem_coverage_delete" AFTER DELETE ON "AiSystem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "srm_systems_deleted"();


-- The rank of lib/domain/responsibility.ts `riskTierRank`: most severe first, unset last.
CREATE OR REPLACE FUNCTION "srm_risk_tier_rank"(tier "RiskTier") RETURNS SMALLINT
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE tier WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2
    WHEN 'LOW' THEN 3 ELSE 4 END)::SMALLINT
$$;

-- A duty's copies are (re)read from its responsibility and system whenever the duty is inserted
-- or a statement names a copy or the columns they depend on: whatever a write path passes for
-- them is replaced, so no write path can make them wrong.
CREATE OR REPLACE FUNCTION "srm_duty_gap_order"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."critical" := COALESCE(
    (SELECT r.critical FROM "Responsibility" r WHERE r.id = NEW."responsibilityId"), false);
  SELECT "srm_risk_tier_rank"(s."riskTier"), s.name INTO NEW."riskTierRank", NEW."systemName"
  FROM "AiSystem" s WHERE s.id = NEW."systemId";
  NEW."riskTierRank" := COALESCE(NEW."riskTierRank", 4);
  NEW."systemName" := COALESCE(NEW."systemName", '');
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "Duty_gap_order" BEFORE INSERT OR UPDATE OF "critical",
  "riskTierRank", "systemName", "systemId", "responsibilityId" ON "Duty"
  FOR EACH ROW EXECUTE FUNCTION "srm_duty_gap_order"();

-- A system's new name or risk tier reaches its duties; a responsibility's new critical flag its
-- duties. Row-level with a WHEN condition, so the many updates that change neither (every
-- coverage generation bump) never call the function; each call is one indexed UPDATE. The lock
-- order is the system's (or responsibility's) row, then its duties; the app's writers of a
-- workspace take its Workspace row before either (lib/db/transaction.ts).
CREATE OR REPLACE FUNCTION "srm_system_gap_order"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Duty"
  SET "systemName" = NEW.name, "riskTierRank" = "srm_risk_tier_rank"(NEW."riskTier")
  WHERE "workspaceId" = NEW."workspaceId" AND "systemId" = NEW.id;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "AiSystem_gap_order" AFTER UPDATE OF name, "riskTier" ON "AiSystem"
  FOR EACH ROW WHEN ((OLD.name, OLD."riskTier") IS DISTINCT FROM (NEW.name, NEW."riskTier"))
  EXECUTE FUNCTION "srm_system_gap_order"();

CREATE OR REPLACE FUNCTION "srm_responsibility_gap_order"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Duty" SET "critical" = NEW.critical WHERE "responsibilityId" = NEW.id;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Responsibility_gap_order" AFTER UPDATE OF critical ON "Responsibility"
  FOR EACH ROW WHEN (OLD.critical IS DISTINCT FROM NEW.critical)
  EXECUTE FUNCTION "srm_responsibility_gap_order"();
