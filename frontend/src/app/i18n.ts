/** Every module's texts under its own name, Chinese first; see core/i18n/locale.ts. */
import { createI18n } from 'vue-i18n'

import commonEn from '@/core/i18n/en'
import { storedLocale } from '@/core/i18n/locale'
import commonZh from '@/core/i18n/zh-CN'
import accessEn from '@/modules/access/locales/en'
import accessZh from '@/modules/access/locales/zh-CN'
import campaignEn from '@/modules/campaign/locales/en'
import campaignZh from '@/modules/campaign/locales/zh-CN'
import careEn from '@/modules/care/locales/en'
import careZh from '@/modules/care/locales/zh-CN'
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
import segmentEn from '@/modules/segment/locales/en'
import segmentZh from '@/modules/segment/locales/zh-CN'
import settingsEn from '@/modules/settings/locales/en'
import settingsZh from '@/modules/settings/locales/zh-CN'
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
  campaign: campaignZh,
  card: cardZh,
  care: careZh,
  dashboard: dashboardZh,
  developer: developerZh,
  ledger: ledgerZh,
  member: memberZh,
  org: orgZh,
  segment: segmentZh,
  settings: settingsZh,
  tag: tagZh,
  tier: tierZh,
  wallet: walletZh,
}

const en: typeof zhCN = {
  ...commonEn,
  shell: shellEn,
  access: accessEn,
  campaign: campaignEn,
  card: cardEn,
  care: careEn,
  dashboard: dashboardEn,
  developer: developerEn,
  ledger: ledgerEn,
  member: memberEn,
  org: orgEn,
  segment: segmentEn,
  settings: settingsEn,
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
