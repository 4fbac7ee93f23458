import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  list: {
    title: 'Members',
    searchPlaceholder: 'Name / member no. / phone / last 4 digits',
    tiers: 'Tiers',
    tags: 'Tags',
    stores: 'Home stores',
    noMembers: 'No members match',
  },
  detail: {
    title: 'Member',
    profile: 'Profile',
    assets: 'Assets',
    stats: 'Spending',
    toCashier: 'Open in cashier',
  },
  create: { title: 'New member', done: 'Member created' },
  edit: { title: 'Edit member', done: 'Saved', nothing: 'Nothing changed' },
  field: {
    memberNo: 'Member no.',
    name: 'Name',
    phone: 'Phone',
    gender: 'Gender',
    birthday: 'Birthday',
    anniversary: 'Anniversary',
    email: 'Email',
    homeStore: 'Home store',
    tier: 'Tier',
    tags: 'Tags',
    channel: 'Channel',
    status: 'Status',
    marketingConsent: 'Accepts marketing',
    registeredAt: 'Registered',
    balance: 'Stored value',
    principal: 'Principal',
    bonus: 'Bonus',
    points: 'Points',
    totalSpend: 'Total spend',
    visitCount: 'Visits',
    averageTicket: 'Average ticket',
    lastPurchaseAt: 'Last purchase',
  },
  gender: { UNKNOWN: 'Unknown', MALE: 'Male', FEMALE: 'Female' },
  channel: { STORE: 'Store', WEB: 'Web', CALL_CENTER: 'Call center', IMPORT: 'Import', MINI_PROGRAM: 'Mini-program' },
  status: { ACTIVE: 'Active', DEACTIVATED: 'Deactivated', ANONYMIZED: 'Anonymized' },
  view: { MASKED: 'Some details are hidden: your role sees this member masked' },
  consent: { yes: 'Yes', no: 'No' },
  problem: {
    required: 'Required',
    tooLong: 'At most 100 characters',
    phone: 'An 11-digit mobile number, or one with its country code (e.g. +85291234567)',
    email: 'Not an email address',
  },
  invalid: {
    name: 'A name of 1 to 100 characters is required',
    phone: 'Not a phone number: 11-digit mobile or with its country code',
    email: 'Not an email address',
    birthday: 'The birthday must be between 1900-01-01 and today',
    anniversary: 'Not a valid anniversary date',
    homeStoreId: 'Choose the home store',
  },
  maskedField: 'Cannot be changed in the masked view',
}

export default en
