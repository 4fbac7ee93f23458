import { fileURLToPath, URL } from 'node:url'

import vue from '@vitejs/plugin-vue'
import ElementPlus from 'unplugin-element-plus/vite'
import { defineConfig } from 'vitest/config'

const API = process.env.TESSERA_API ?? 'http://127.0.0.1:8000'

/** The SPA lives under /admin/ on the Tessera server; `npm run dev` proxies the API to a local one. */
export default defineConfig({
  base: '/admin/',
  plugins: [vue(), ElementPlus({})],
  /** Leave out what the console does not use: the Options API, vue-i18n's legacy API and globals. */
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/graphql': { target: API, ws: true, changeOrigin: true },
      /** File downloads (reports as Excel / CSV), fetched with the same bearer token. */
      '/exports': { target: API, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    /** The lazy GraphiQL explorer (React, GraphiQL, Monaco) is one ~1 MB chunk, loaded only on its page. */
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      /** React libraries' "use client" / "use no memo" directives mean nothing in a browser bundle. */
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
