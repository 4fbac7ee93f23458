import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  title: 'Settings',
  status: 'Status',
  active: 'Active',
  inactive: 'Inactive',
  none: 'No limit',
  open: 'Open',
  problem: {
    required: 'Required',
    code: 'Codes are 1–32 letters, digits, - or _',
    tooLong: 'At most 50 characters',
    bonusOverMin: 'The bonus can not exceed the threshold',
    endsBeforeStart: 'The end must be after the start',
  },
  cardTypes: {
    title: 'Card types',
    hint: 'Card types can not be changed once created: issued cards work by their type.',
    new: 'New card type',
    created: 'Card type {name} created',
    codeLabel: 'Code',
    codeHint: 'e.g. STD, VIP',
    name: 'Name',
    kind: 'Kind',
    features: 'Features',
    storesValue: 'Stored value',
    earnsPoints: 'Earns points',
    givesDiscount: 'Tier discount',
    requiresPin: 'Payment PIN',
    dailyLimit: 'Daily limit',
    dailyLimitHint: 'Blank for none',
    deductionOrder: 'Deduction order',
    order: { PRINCIPAL_FIRST: 'Principal first', BONUS_FIRST: 'Bonus first', PRO_RATA: 'Pro rata' },
    invalid: {
      code: 'Codes are 1–32 letters, digits, - or _.',
      name: 'A name is needed, at most 50 characters.',
      dailyLimit: 'A daily limit must be above zero.',
    },
    code: {
      DUPLICATE: 'Another card type has this code.',
    },
  },
  rechargeRules: {
    title: 'Recharge promotions',
    hint: 'A recharge reaching a threshold earns its bonus; when several apply, the highest threshold wins. A deactivated promotion can not be revived: create a new one to change terms.',
    new: 'New promotion',
    created: 'Promotion {name} created',
    name: 'Name',
    nameHint: 'e.g. Pay 1000 get 100 (printed on receipts)',
    minAmount: 'Threshold',
    bonusAmount: 'Bonus',
    store: 'Store',
    everyStore: 'Every store',
    period: 'Valid',
    startsAt: 'Starts',
    endsAt: 'Ends',
    deactivate: 'Deactivate',
    deactivateText: 'After deactivating "{name}", recharges no longer earn its bonus. Deactivate?',
    deactivated: '{name} deactivated',
    invalid: {
      name: 'A name is needed, at most 50 characters.',
      minAmount: 'The threshold must be above zero.',
      bonusAmount: 'The bonus must be above zero and at most the threshold.',
      endsAt: 'The end must be after the start.',
    },
  },
}

export default en
