import type { RouteRecordRaw } from 'vue-router'

const messages = () => import('./locales').then((module) => module.default)

/** Care: follow-ups and feedback are MANAGE_MEMBERS operations (every role by default), in the staff's scope. */
export const careRoutes: RouteRecordRaw[] = [
  {
    path: 'care',
    name: 'care',
    component: () => import('./CarePage.vue'),
    meta: { messages, title: 'care.title', permissions: ['MANAGE_MEMBERS'], menu: { icon: 'care', order: 60 } },
  },
]
