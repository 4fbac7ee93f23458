import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  tier: 'Tier',
  none: 'No tier',
  discount: '{off}% off',
  noDiscount: 'No discount',
}

export default en
