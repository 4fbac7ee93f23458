import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  title: 'Overview',
  scope: 'Scope: {scope}',
  allBrand: 'whole brand',
  members: 'Members',
  newMembers: 'New in the last {days} days',
  activeMembers: 'Active in the last 30 days',
  todayRecharge: "Today's recharges ({count})",
  todayConsumption: "Today's consumption ({count}, net of refunds)",
  trend: 'Recharge and consumption, last {days} days',
  recharge: 'Recharge',
  consumption: 'Consumption (net of refunds)',
  noActivity: 'No recharges or purchases in this period',
  tierDistribution: 'Members by tier',
  noTiers: 'No tiers configured yet',
}

export default en
