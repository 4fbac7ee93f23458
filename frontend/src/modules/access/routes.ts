import type { RouteRecordRaw } from 'vue-router'

export const accessRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./LoginPage.vue'),
    meta: { public: true, title: 'access.title' },
  },
]
