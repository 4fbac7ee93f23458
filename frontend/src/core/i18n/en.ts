import type { Messages } from './locale'
import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  appName: 'Tessera Membership',
  actions: {
    search: 'Search',
    reset: 'Reset',
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'Confirm',
    back: 'Back',
    edit: 'Edit',
    create: 'New',
    retry: 'Retry',
    print: 'Print',
    loadMore: 'Load more',
    refresh: 'Refresh',
    close: 'Close',
  },
  states: {
    loading: 'Loading…',
    empty: 'Nothing here yet',
    noResults: 'No results match',
  },
  failure: {
    network: 'Cannot reach the server. Check the network and try again.',
    unauthenticated: 'Your session has expired. Please sign in again.',
    permission: 'You are not allowed to see this.',
    notFound: 'Not found: it may have been removed or be outside your scope.',
    invalid: 'The request was not valid.',
    unexpected: 'Something went wrong. Please try again later.',
  },
  errors: {
    code: {
      INVALID: 'This input is not valid.',
      NOT_FOUND: 'Not found.',
      PERMISSION_DENIED: 'You are not allowed to do this.',
      UNAUTHENTICATED: 'Your session has expired. Please sign in again.',
      DUPLICATE_PHONE: 'Another member already has this phone number.',
      DUPLICATE: 'This already exists.',
      ACCOUNT_LOCKED: 'Too many wrong passwords: the account is locked for a while. Try again later.',
      INVALID_CREDENTIALS: 'Wrong username or password.',
      INSUFFICIENT_BALANCE: 'Not enough stored value on the card.',
      INSUFFICIENT_POINTS: 'Not enough points.',
      CARD_NOT_ACTIVE: 'The card is lost, frozen or cancelled and cannot be used.',
      COUPON_NOT_USABLE: 'This coupon cannot be used.',
      IDEMPOTENCY_CONFLICT: 'This operation was already submitted with different details. Please fill it in again.',
      LIMIT_EXCEEDED: 'Over the limit.',
      INVALID_TRANSITION: 'This step is not allowed from the current status.',
    },
  },
  money: {
    required: 'Enter an amount',
    format: 'Not an amount: at most two decimals',
    tooLarge: 'Amount too large',
    notPositive: 'The amount must be more than 0',
  },
  roles: {
    HQ: 'Headquarters',
    REGION: 'Region',
    STORE: 'Store',
  },
  paging: {
    total: '{count} in total',
    page: 'Page {page}',
    previous: 'Previous',
    next: 'Next',
    pageSize: '{size} / page',
  },
  masked: 'Hidden',
}

export default en
