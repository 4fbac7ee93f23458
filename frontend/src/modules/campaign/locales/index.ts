import type { ModuleMessages } from '@/core/i18n/locale'

import en from './en'
import zhCN from './zh-CN'

const messages: ModuleMessages = { name: 'campaign', messages: { 'zh-CN': zhCN, en } }

export default messages
