import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  cards: 'Cards',
  cardNo: 'Card no.',
  type: 'Card type',
  statusLabel: 'Status',
  status: {
    ACTIVE: 'Active',
    LOST: 'Lost',
    FROZEN: 'Frozen',
    CANCELLED: 'Cancelled',
  },
  balance: 'Balance',
  principal: 'Principal',
  bonus: 'Bonus',
  total: 'Total',
  issuedAt: 'Issued',
  pinLocked: 'PIN locked',
  parent: 'Subsidiary card: spends the balance of {cardNo}',
  replacedBy: 'Replaced by {cardNo}',
  none: 'No cards yet',
}

export default en
