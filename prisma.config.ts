import { defineConfig } from 'prisma/config';

// The CLI is used offline for `prisma generate` only; migrations are applied by src/db/migrator.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/placement.db' },
});
