import type { ModuleMessages } from '@/core/i18n/locale'

import en from './en'
import zhCN from './zh-CN'

/** The settings panels' texts, merged into `settings` when the settings page opens (see routes.ts). */
const messages: ModuleMessages = { name: 'settings', messages: { 'zh-CN': zhCN, en } }

export default messages
