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
  liability: {
    title: 'Prepaid liability',
    asOf: 'As of',
    asOfLabel: 'As-of date',
    endOfDay: 'At the end of business on {date}',
    shortcuts: {
      today: 'Today',
      lastMonthEnd: 'Last month-end',
    },
    principal: 'Stored-value principal',
    bonus: 'Bonus',
    points: 'Points',
    pointsValue: 'Points value',
    explain: "First in, first out per card: principal members haven't spent yet is held by the store that took it.",
    scoped: "Only your stores' share of the principal is shown here; bonus and points are brand-wide figures for HQ.",
    export: {
      xlsx: 'Excel workbook',
      stores: 'CSV: principal held by store',
    },
    stores: {
      title: 'Principal held by store',
      store: 'Store',
      principal: 'Principal held',
      share: 'Share',
      none: 'No store holds unspent principal',
    },
  },
}

export default en
