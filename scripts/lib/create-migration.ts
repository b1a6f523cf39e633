// `npm run db:migrate:dev -- --name <change>`: creates a migration from schema changes and applies
// it. Prisma 6.19's WebAssembly schema engine fails inside `migrate dev` once migrations exist
// ("PostgreSQL shadow DB must be provided through an external factory", raised while evaluating
// data loss), so we do what `migrate dev` does in three steps that all work offline:
//   1. apply the existing migrations (migrate deploy),
//   2. diff the migrations folder (replayed into a shadow database) against the schema,
//   3. write the SQL as a new migration and apply it.
import fs from "node:fs";
import path from "node:path";

import { binPath, migrate, ROOT, run } from "./runtime";

const EMPTY = /^\s*-- This is an empty migration\.\s*$/;

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export async function createMigration(args: { env: NodeJS.ProcessEnv; name: string }) {
  if (!/^[a-z0-9_]+$/.test(args.name)) {
    throw new Error(
      `--name must be lower-case letters, digits and underscores (got "${args.name}")`,
    );
  }
  await migrate(args.env);
  const sql = await run(
    binPath("prisma"),
    [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { env: args.env, quiet: true },
  );
  const script = sql.slice(sql.indexOf("--") >= 0 ? sql.indexOf("--") : 0).trim();
  if (!script || EMPTY.test(script)) {
    process.stdout.write("The schema and the migrations agree: no migration to create.\n");
    return;
  }
  const folder = path.join(ROOT, "prisma", "migrations", `${timestamp(new Date())}_${args.name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), `${script}\n`);
  process.stdout.write(`Created ${path.relative(ROOT, folder)}/migration.sql\n`);
  await migrate(args.env);
  await run(binPath("prisma"), ["generate"], { env: args.env, quiet: true });
  process.stdout.write("Applied it and regenerated the Prisma client.\n");
}
