import type { RouteRecordRaw } from 'vue-router'

const messages = () => import('./locales').then((module) => module.default)

/**
 * Cross-store settlement (跨店清分), a report beside the overview: every signed-in role, the
 * server scoping it (HQ the whole chain, REGION and STORE what concerns their own stores).
 */
export const settlementRoutes: RouteRecordRaw[] = [
  {
    path: 'settlement',
    name: 'settlement',
    component: () => import('./SettlementPage.vue'),
    meta: { messages, title: 'settlement.title', menu: { icon: 'settlement', order: 15 } },
  },
]
