import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  title: 'Overview',
  scope: 'Scope: {scope}',
  allBrand: 'whole brand',
  members: 'Members',
  newMembers: 'New in the last 30 days',
  tierDistribution: 'Members by tier',
  noTiers: 'No tiers configured yet',
}

export default en
