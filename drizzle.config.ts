import { defineConfig } from 'drizzle-kit'

/** `npm run db:generate` turns changes to server/db/schema.ts into a new committed SQL migration. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
})
