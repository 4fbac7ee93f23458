import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  title: 'Sign in',
  subtitle: 'Membership management',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  required: {
    username: 'Enter your username',
    password: 'Enter your password',
  },
  expired: 'Your session has expired. Please sign in again.',
  signedOut: 'You have signed out.',
  signOut: 'Sign out',
}

export default en
