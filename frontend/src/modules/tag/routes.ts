import type { RouteRecordRaw } from 'vue-router'

/** Every role reads the tags; creating and deleting them is MANAGE_TAGS (HQ by default). */
export const tagRoutes: RouteRecordRaw[] = [
  {
    path: 'tags',
    name: 'tags',
    component: () => import('./TagsPage.vue'),
    meta: { title: 'tag.title', menu: { icon: 'tags', order: 45 } },
  },
]
