import type { RouteRecordRaw } from 'vue-router'

export const memberRoutes: RouteRecordRaw[] = [
  {
    path: 'members',
    name: 'members',
    component: () => import('./MemberListPage.vue'),
    meta: { title: 'member.list.title', menu: { icon: 'members', order: 20 } },
  },
  {
    path: 'members/new',
    name: 'member-create',
    component: () => import('./MemberFormPage.vue'),
    meta: { title: 'member.create.title', permissions: ['MANAGE_MEMBERS'] },
  },
  {
    path: 'members/:id',
    name: 'member',
    component: () => import('./MemberDetailPage.vue'),
    props: true,
    meta: { title: 'member.detail.title' },
  },
  {
    path: 'members/:id/edit',
    name: 'member-edit',
    component: () => import('./MemberFormPage.vue'),
    props: true,
    meta: { title: 'member.edit.title', permissions: ['MANAGE_MEMBERS'] },
  },
]
