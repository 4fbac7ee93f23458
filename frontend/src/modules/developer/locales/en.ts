import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  title: 'API explorer',
  note: 'GraphiQL for partner developers. Requests run as your signed-in account, with its permissions; changes you make are real.',
  failed: 'The explorer could not be loaded. Reload the page to try again.',
}

export default en
