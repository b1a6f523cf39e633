// Driver adapter for the Prisma CLI's WebAssembly schema engine (prisma.config.ts).
//
// Shims three upstream bugs of @prisma/adapter-pg 6.19 (the README, "Architecture", says more):
// 1. Prisma issue #27403: the adapter cannot map result columns of the catalog types `name`
//    (OID 19) and `"char"` (OID 18), which the schema engine reads while describing a database.
//    We present them to the adapter as `text` (OID 25); the values are already strings.
// 2. PrismaPg.connectToShadowDb() overrides `database` next to a `connectionString`, which pg
//    ignores, so `migrate dev` replays migrations into the main database; it also drops the
//    shadow database before closing its pool. We create the shadow database ourselves, connect
//    by discrete fields, and on dispose close the pool first, then drop it WITH (FORCE).
// 3. executeScript() splits a migration on every ";" and runs the pieces one by one, which cuts
//    function bodies (dollar-quoted plpgsql, as in our coverage triggers) apart. We send the
//    whole script as one simple query instead, as Prisma's native engine does: PostgreSQL runs
//    the statements in order and rolls all of them back if one fails.
import { randomUUID } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function presentCatalogTypesAsText<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields;
  if (fields) {
    for (const field of fields) {
      if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogSafeClient extends pg.Client {
  // pg's overloads make a typed override impractical. pg.Pool calls query() with a callback,
  // the adapter's transactions call it without one (promise), so both forms are handled.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        last(error, error ? result : presentCatalogTypesAsText(result));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      return result.then(presentCatalogTypesAsText);
    }
    return result;
  }
}

function connectionFields(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    Client: CatalogSafeClient,
  };
}

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
};

/** Bug 3: one simple query for the whole script; errors reported as the adapter reports them. */
function runScriptsWhole<T extends ScriptRunner>(adapter: T): T {
  const internals = adapter as unknown as {
    client: pg.Pool;
    onError(error: unknown): never;
  };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

export function createMigrationAdapter(databaseUrl: string) {
  const mainConfig = connectionFields(databaseUrl);
  const factory = new PrismaPg(mainConfig);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => runScriptsWhole(await connect());

  factory.connectToShadowDb = async () => {
    const admin = await new PrismaPg(mainConfig).connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = runScriptsWhole(await new PrismaPg({ ...mainConfig, database }).connect());
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}
