import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  trail: 'Audit trail',
  none: 'No audited changes yet',
  time: 'Time',
  actor: 'By',
  system: 'System',
  action: 'Action',
  fields: 'Fields',
  actions: {
    member_create: 'Created',
    member_update: 'Profile changed',
    member_deactivate: 'Deactivated',
    member_reactivate: 'Reactivated',
    member_tag: 'Tagged',
    member_untag: 'Untagged',
    points_redeem: 'Points redeemed',
    tier_floor: 'Tier floor set',
    tier_purchase: 'Tier purchased',
    care_follow_up: 'Follow-up',
  },
}

export default en
