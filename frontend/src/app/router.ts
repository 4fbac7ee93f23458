/**
 * Routes of every module under the console layout, and the guard that keeps each account to the
 * pages its role and permissions allow. The account is read from `me` once per page load; an
 * unknown or expired token sends the person to sign in, and back where they were afterwards.
 */
import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router'

import { apiClient, onSessionExpired, renewApiClient } from '@/core/graphql/api'
import { i18n, loadModuleMessages } from '@/app/i18n'
import '@/core/router/meta'
import { mayEnter } from '@/core/session/access'
import { MeDocument } from '@/core/session/session.generated'
import { session, signOut } from '@/core/session/session'
import { accessRoutes } from '@/modules/access/routes'
import { campaignRoutes } from '@/modules/campaign/routes'
import { careRoutes } from '@/modules/care/routes'
import { dashboardRoutes } from '@/modules/dashboard/routes'
import { developerRoutes } from '@/modules/developer/routes'
import { memberRoutes } from '@/modules/member/routes'
import { segmentRoutes } from '@/modules/segment/routes'
import { settingsRoutes } from '@/modules/settings/routes'
import { settlementRoutes } from '@/modules/settlement/routes'
import { tagRoutes } from '@/modules/tag/routes'
import { walletRoutes } from '@/modules/wallet/routes'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    ...accessRoutes,
    {
      path: '/',
      component: () => import('./layout/AppLayout.vue'),
      redirect: { name: 'dashboard' },
      children: [
        ...dashboardRoutes,
        ...settlementRoutes,
        ...memberRoutes,
        ...walletRoutes,
        ...tagRoutes,
        ...segmentRoutes,
        ...campaignRoutes,
        ...careRoutes,
        ...settingsRoutes,
        ...developerRoutes,
        {
          path: 'forbidden',
          name: 'forbidden',
          component: () => import('./StatusPage.vue'),
          props: { status: 'forbidden' },
        },
        {
          path: ':pathMatch(.*)*',
          name: 'not-found',
          component: () => import('./StatusPage.vue'),
          props: { status: 'notFound' },
        },
      ],
    },
  ],
})

function toLogin(redirect: string, reason?: 'expired'): RouteLocationRaw {
  return { name: 'login', query: { redirect, ...(reason ? { [reason]: '1' } : {}) } }
}

/** Who is signed in, from the server; null when the token is unknown or expired. */
async function loadStaff(): Promise<'ok' | 'signedOut' | 'unreachable'> {
  const result = await apiClient.value.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise()
  if (result.error?.networkError) return 'unreachable'
  const me = result.data?.me
  if (!me) return 'signedOut'
  session.staff = me
  return 'ok'
}

router.beforeEach(async (to) => {
  if (to.meta.public) return to.name === 'login' && session.staff ? '/' : true
  if (!session.token) return toLogin(to.fullPath)
  if (!session.staff) {
    const state = await loadStaff()
    if (state === 'unreachable') return { name: 'login', query: { redirect: to.fullPath, offline: '1' } }
    if (state === 'signedOut') {
      signOut()
      renewApiClient()
      return toLogin(to.fullPath, 'expired')
    }
  }
  if (!mayEnter(to.meta, session.staff)) return { name: 'forbidden' }
  if (to.meta.messages) await loadModuleMessages(to.meta.messages)
  return true
})

router.afterEach((to) => {
  const { t } = i18n.global
  document.title = to.meta.title ? `${t(to.meta.title)} · ${t('appName')}` : t('appName')
})

onSessionExpired(() => {
  if (!session.token) return
  signOut()
  renewApiClient()
  void router.replace(toLogin(router.currentRoute.value.fullPath, 'expired'))
})
