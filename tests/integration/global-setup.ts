import type { TestProject } from "vitest/node";

import { createTestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "pglite";
  }
}

// One migrated database per run; each test file starts from empty tables (see setup-file.ts).
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("srm_test");
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  return async () => {
    await database.drop();
  };
}
