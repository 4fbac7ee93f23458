import type { RouteRecordRaw } from 'vue-router'

/** The till is for the roles that take money at a store: store clerks, and HQ choosing a store. */
const TILL_ROLES = ['HQ', 'STORE'] as const

export const walletRoutes: RouteRecordRaw[] = [
  {
    path: 'cashier',
    name: 'cashier',
    component: () => import('./CashierPage.vue'),
    meta: { title: 'wallet.title', roles: TILL_ROLES, menu: { icon: 'cashier', order: 30 } },
  },
  {
    path: 'cashier/receipts/:id',
    name: 'receipt',
    component: () => import('./ReceiptPage.vue'),
    props: true,
    meta: { title: 'wallet.receipt.title', roles: TILL_ROLES },
  },
]
