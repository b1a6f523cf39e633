import path from "node:path";

import { defineConfig } from "prisma/config";

import { createMigrationAdapter } from "./lib/db/migration-adapter";

// The WebAssembly schema engine ("js") works offline; the classic one downloads a binary.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Run migrations through `npm run db:migrate`, which starts the embedded database when no DATABASE_URL is configured.",
      );
    }
    return createMigrationAdapter(url);
  },
});
