/**
 * Every module's texts under its own name, Chinese first; see core/i18n/locale.ts. Modules whose
 * pages declare `meta.messages` ship only their menu titles here; the rest comes with their pages.
 */
import { createI18n } from 'vue-i18n'

import commonEn from '@/core/i18n/en'
import { LOCALES, storedLocale, type ModuleMessages } from '@/core/i18n/locale'
import commonZh from '@/core/i18n/zh-CN'
import accessEn from '@/modules/access/locales/en'
import accessZh from '@/modules/access/locales/zh-CN'
import auditEn from '@/modules/audit/locales/en'
import auditZh from '@/modules/audit/locales/zh-CN'
import campaignMenu from '@/modules/campaign/locales/menu'
import careMenu from '@/modules/care/locales/menu'
import cardEn from '@/modules/card/locales/en'
import cardZh from '@/modules/card/locales/zh-CN'
import developerEn from '@/modules/developer/locales/en'
import developerZh from '@/modules/developer/locales/zh-CN'
import dashboardEn from '@/modules/dashboard/locales/en'
import dashboardZh from '@/modules/dashboard/locales/zh-CN'
import ledgerEn from '@/modules/ledger/locales/en'
import ledgerZh from '@/modules/ledger/locales/zh-CN'
import memberEn from '@/modules/member/locales/en'
import memberZh from '@/modules/member/locales/zh-CN'
import orgEn from '@/modules/org/locales/en'
import orgZh from '@/modules/org/locales/zh-CN'
import segmentMenu from '@/modules/segment/locales/menu'
import settingsEn from '@/modules/settings/locales/en'
import settingsZh from '@/modules/settings/locales/zh-CN'
import settlementMenu from '@/modules/settlement/locales/menu'
import tagEn from '@/modules/tag/locales/en'
import tagZh from '@/modules/tag/locales/zh-CN'
import tierEn from '@/modules/tier/locales/en'
import tierZh from '@/modules/tier/locales/zh-CN'
import walletEn from '@/modules/wallet/locales/en'
import walletZh from '@/modules/wallet/locales/zh-CN'

import shellEn from './locales/en'
import shellZh from './locales/zh-CN'

const zhCN = {
  ...commonZh,
  shell: shellZh,
  access: accessZh,
  audit: auditZh,
  campaign: campaignMenu['zh-CN'],
  card: cardZh,
  care: careMenu['zh-CN'],
  dashboard: dashboardZh,
  developer: developerZh,
  ledger: ledgerZh,
  member: memberZh,
  org: orgZh,
  segment: segmentMenu['zh-CN'],
  settings: settingsZh,
  settlement: settlementMenu['zh-CN'],
  tag: tagZh,
  tier: tierZh,
  wallet: walletZh,
}

const en: typeof zhCN = {
  ...commonEn,
  shell: shellEn,
  access: accessEn,
  audit: auditEn,
  campaign: campaignMenu.en,
  card: cardEn,
  care: careMenu.en,
  dashboard: dashboardEn,
  developer: developerEn,
  ledger: ledgerEn,
  member: memberEn,
  org: orgEn,
  segment: segmentMenu.en,
  settings: settingsEn,
  settlement: settlementMenu.en,
  tag: tagEn,
  tier: tierEn,
  wallet: walletEn,
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

const loaded = new Set<string>()

/** Merges a module's texts into both locales, once (the router awaits this before opening a page). */
export async function loadModuleMessages(load: () => Promise<ModuleMessages>): Promise<void> {
  const module = await load()
  if (loaded.has(module.name)) return
  for (const locale of LOCALES) i18n.global.mergeLocaleMessage(locale, { [module.name]: module.messages[locale] })
  loaded.add(module.name)
}
