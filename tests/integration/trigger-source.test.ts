// prisma/sql/coverage-triggers.sql is the one source of the coverage engine's functions and
// triggers; migrations copy it. A freshly migrated database must hold exactly what the file
// defines: the same set of functions and triggers, and definitions that applying the file again
// leaves unchanged. Everything the test applies is rolled back.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SOURCE = path.join(process.cwd(), "prisma/sql/coverage-triggers.sql");

type Definitions = { functions: Map<string, string>; triggers: Map<string, string> };

async function readDefinitions(client: Client): Promise<Definitions> {
  const functions = await client.query<{ name: string; def: string }>(`
    SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.proname LIKE 'srm\\_%'
    ORDER BY 1`);
  const triggers = await client.query<{ name: string; def: string }>(`
    SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS def
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND n.nspname = current_schema()
    ORDER BY 1`);
  return {
    functions: new Map(functions.rows.map((r) => [r.name, r.def])),
    triggers: new Map(triggers.rows.map((r) => [r.name, r.def])),
  };
}

/** The names the file creates, read from its CREATE statements. */
function declaredNames(sql: string) {
  const names = (kind: string) =>
    [...sql.matchAll(new RegExp(`CREATE OR REPLACE ${kind} "([^"]+)"`, "g"))]
      .map((m) => m[1])
      .sort();
  return { functions: names("FUNCTION"), triggers: names("TRIGGER") };
}

/** What differs between the database now and after the file is applied again (rolled back). */
async function drift(client: Client, sql: string): Promise<string[]> {
  const before = await readDefinitions(client);
  await client.query("SAVEPOINT reapply");
  try {
    await client.query(sql);
    const after = await readDefinitions(client);
    const problems: string[] = [];
    for (const kind of ["functions", "triggers"] as const) {
      for (const [name, def] of after[kind]) {
        if (!before[kind].has(name)) problems.push(`${kind}: ${name} is missing from the database`);
        else if (before[kind].get(name) !== def) problems.push(`${kind}: ${name} differs`);
      }
    }
    return problems;
  } finally {
    await client.query("ROLLBACK TO SAVEPOINT reapply");
  }
}

describe("coverage trigger source", () => {
  let client: Client;
  let sql: string;

  beforeAll(async () => {
    sql = await readFile(SOURCE, "utf8");
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query("BEGIN");
  });

  afterAll(async () => {
    await client.query("ROLLBACK");
    await client.end();
  });

  it("the migrated database has exactly the functions and triggers the file declares", async () => {
    const declared = declaredNames(sql);
    const actual = await readDefinitions(client);
    expect(declared.functions.length).toBeGreaterThan(5);
    expect([...actual.functions.keys()].sort()).toEqual(declared.functions);
    expect([...actual.triggers.keys()].sort()).toEqual(declared.triggers);
  });

  it("applying the file again changes no definition", async () => {
    expect(await drift(client, sql)).toEqual([]);
  });

  it("a function changed in the database but not in the file is reported", async () => {
    await client.query("SAVEPOINT tamper");
    try {
      await client.query(`
        CREATE OR REPLACE FUNCTION "srm_risk_tier_rank"(tier "RiskTier") RETURNS SMALLINT
        LANGUAGE sql IMMUTABLE AS $$ SELECT 0::SMALLINT $$`);
      await client.query(`DROP TRIGGER "Responsibility_gap_order" ON "Responsibility"`);
      expect(await drift(client, sql)).toEqual([
        "functions: srm_risk_tier_rank differs",
        "triggers: Responsibility_gap_order is missing from the database",
      ]);
    } finally {
      await client.query("ROLLBACK TO SAVEPOINT tamper");
    }
  });
});
