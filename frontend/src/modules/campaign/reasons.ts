/**
 * Why a delivery was skipped or failed, in words. The campaign's own reasons are codes (CONSENT,
 * HOLDOUT, CAP); the delivery service writes a few fixed phrases ("no SMS address", "member not
 * found"); a channel's refusal is its provider's text, shown as given.
 */
import type { Translator } from '@/core/graphql/errors'

const NO_ADDRESS = /^no (\w+) address$/

export function describeReason(reason: string, i18n: Translator): string {
  if (!reason) return '—'
  const code = `campaign.reason.${reason}`
  if (/^[A-Z_]+$/.test(reason) && i18n.te(code)) return i18n.t(code)
  if (reason === 'member not found') return i18n.t('campaign.reason.memberNotFound')
  const address = NO_ADDRESS.exec(reason)
  if (address) {
    const channel = `campaign.channels.${(address[1] ?? '').toUpperCase()}`
    return `${i18n.t('campaign.reason.noAddress')}${i18n.te(channel) ? `（${i18n.t(channel)}）` : ''}`
  }
  return reason
}
