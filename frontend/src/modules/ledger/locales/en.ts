import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  title: 'Money and points history',
  time: 'Time',
  kindLabel: 'Type',
  kind: {
    RECHARGE: 'Recharge',
    CONSUME: 'Purchase',
    REFUND: 'Refund',
    RECHARGE_REFUND: 'Recharge refund',
    CARD_REPLACE: 'Card replacement',
    CARD_CASH_OUT: 'Cash-out on cancel',
    POINTS_ADJUST: 'Points adjustment',
    POINTS_REDEEM: 'Points redemption',
    POINTS_EXPIRE: 'Points expiry',
  },
  amount: 'Amount',
  card: 'Card',
  store: 'Store',
  operator: 'Operator',
  orderRef: 'Order ref.',
  actions: 'Actions',
  refund: 'Refund',
  receipt: 'Receipt',
  none: 'No history yet',
}

export default en
