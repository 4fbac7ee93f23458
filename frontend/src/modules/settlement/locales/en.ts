import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  title: 'Settlement',
  period: 'Period',
  periodRange: 'Period: {from} to {to} ({days} days)',
  start: 'Start date',
  end: 'End date',
  rangeSeparator: 'to',
  shortcuts: {
    thisMonth: 'This month',
    previousMonth: 'Last month',
    last30Days: 'Last 30 days',
  },
  explain:
    "When principal a member paid in at one store is spent at another, the store that took the cash (the debtor) pays the store that delivered the goods (the creditor). Each card's recharges and purchases are matched first in, first out, and a replaced card's money follows it to the new card. Only principal is settled: bonus is HQ's promotion.",
  scope: 'HQ sees every store; regions and stores see only what concerns their own stores.',
  invalidPeriod: 'Choose another period: it cannot end before it starts, and spans at most {days} days.',
  stores: {
    title: 'By store',
    legend: "Receivable: other stores' principal spent here. Payable: this store's principal spent elsewhere. Net = receivable − payable; negative means the store owes. Local: its own principal spent here, nothing to settle.",
    code: 'Code',
    name: 'Store',
    receivable: 'Receivable',
    payable: 'Payable',
    net: 'Net',
    local: 'Local',
    total: 'Total',
    owes: 'Owes',
    owed: 'Is owed',
    none: 'No stored-value principal was spent in this period',
  },
  debts: {
    title: 'Who owes whom',
    legend: "To pay = gross − offset. Gross: the debtor's principal spent at the creditor. Offset: the creditor's principal spent at the debtor; the two directions are netted.",
    debtor: 'Debtor',
    creditor: 'Creditor',
    amount: 'To pay',
    gross: 'Gross',
    offset: 'Offset',
    none: 'Nothing was spent across stores in this period: nothing to settle',
    offsetOnly: 'What was spent across stores in this period cancels out: nothing to settle',
  },
  export: {
    xlsx: 'Excel workbook',
    debts: 'CSV: who owes whom',
    stores: 'CSV: by store',
    code: {
      INVALID: 'This period cannot be exported: choose another.',
    },
  },
}

export default en
