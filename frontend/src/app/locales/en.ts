import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  collapse: 'Collapse menu',
  expand: 'Expand menu',
  forbidden: 'You are not allowed to open this page.',
  notFound: 'This page does not exist.',
  home: 'Home',
  signOutFailed: 'Could not reach the server while signing out; this device is signed out.',
}

export default en
