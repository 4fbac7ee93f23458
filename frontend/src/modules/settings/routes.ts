import type { RouteRecordRaw } from 'vue-router'

/** Programme settings are HQ's: MANAGE_PROGRAM, which only HQ holds (server/program/services.py). */
export const settingsRoutes: RouteRecordRaw[] = [
  {
    path: 'settings',
    name: 'settings',
    component: () => import('./SettingsPage.vue'),
    meta: {
      messages: () => import('./locales/panels').then((module) => module.default),
      title: 'settings.title',
      roles: ['HQ'],
      permissions: ['MANAGE_PROGRAM'],
      menu: { icon: 'settings', order: 80 },
    },
  },
]
