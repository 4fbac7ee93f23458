import type { RouteRecordRaw } from 'vue-router'

export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('./DashboardPage.vue'),
    meta: { title: 'dashboard.title', menu: { icon: 'dashboard', order: 10 } },
  },
]
