import type { RouteRecordRaw } from 'vue-router'

/**
 * GraphiQL for partner developers, on the console's own origin with the signed-in account's
 * token. The page loads the explorer (React, GraphiQL, Monaco: several MB) only when opened.
 */
export const developerRoutes: RouteRecordRaw[] = [
  {
    path: 'graphiql',
    name: 'graphiql',
    component: () => import('./GraphiqlPage.vue'),
    meta: { title: 'developer.title', menu: { icon: 'developer', order: 90 } },
  },
]
