import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

/** The browser run: one file at a time against one real server, steps in order. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // Starting a server with a migrated demo brand takes 15 s on a quiet machine and over 2 min on a busy shared one.
    hookTimeout: 300_000,
  },
})
