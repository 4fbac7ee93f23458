import type { ModuleMessages } from '@/core/i18n/locale'

import en from './en'
import zhCN from './zh-CN'

const messages: ModuleMessages = { name: 'settlement', messages: { 'zh-CN': zhCN, en } }

export default messages
