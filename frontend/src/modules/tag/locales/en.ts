import type { Messages } from '@/core/i18n/locale'

import type zhCN from './zh-CN'

const en: Messages<typeof zhCN> = {
  tags: 'Tags',
  title: 'Member tags',
  new: 'New tag',
  none: 'No tags yet',
  name: 'Name',
  color: 'Colour',
  description: 'Description',
  actions: 'Actions',
  delete: 'Delete',
  deleteText: 'Delete tag "{name}"? It is taken off every member.',
  deleted: 'Tag "{name}" deleted',
  created: 'Tag "{name}" created',
  problem: {
    name: 'Give the tag a name',
  },
  invalid: {
    name: 'The name must be 1 to 50 characters',
    color: 'Not a colour',
    description: 'The description is at most 255 characters',
  },
  code: {
    DUPLICATE: 'A tag with this name already exists',
  },
}

export default en
