import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  store: 'Store',
  region: 'Region',
  chooseStore: 'Choose a store',
}

export default en
