import { describe, expect, it } from 'vitest'

import type { Translator } from '@/core/graphql/errors'

import { describeReason } from './reasons'

const messages: Record<string, string> = {
  'campaign.reason.CONSENT': '未同意接收营销信息',
  'campaign.reason.HOLDOUT': '对照组',
  'campaign.reason.memberNotFound': '会员不存在',
  'campaign.reason.noAddress': '没有联系方式',
  'campaign.channels.SMS': '短信',
}
const i18n: Translator = { t: (key) => messages[key] ?? key, te: (key) => key in messages }

describe('describeReason', () => {
  it('puts the campaign codes and the fixed phrases in words', () => {
    expect(describeReason('CONSENT', i18n)).toBe('未同意接收营销信息')
    expect(describeReason('HOLDOUT', i18n)).toBe('对照组')
    expect(describeReason('member not found', i18n)).toBe('会员不存在')
    expect(describeReason('no sms address', i18n)).toBe('没有联系方式（短信）')
  })

  it("shows a provider's own refusal as given, and a dash for none", () => {
    expect(describeReason('gateway said: quota exceeded', i18n)).toBe('gateway said: quota exceeded')
    expect(describeReason('UNKNOWN_CODE', i18n)).toBe('UNKNOWN_CODE')
    expect(describeReason('', i18n)).toBe('—')
  })
})
