import type { RouteRecordRaw } from 'vue-router'

/** Care: follow-ups and feedback are MANAGE_MEMBERS operations (every role by default), in the staff's scope. */
export const careRoutes: RouteRecordRaw[] = [
  {
    path: 'care',
    name: 'care',
    component: () => import('./CarePage.vue'),
    meta: { title: 'care.title', permissions: ['MANAGE_MEMBERS'], menu: { icon: 'care', order: 60 } },
  },
]
