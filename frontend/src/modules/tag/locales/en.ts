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
  kind: 'Kind',
  manual: 'Manual',
  followsSegment: 'Automatic: follows "{segment}"',
  hiddenSegment: '(not visible to you)',
  refreshedAt: 'Refreshed',
  bind: 'Bind segment',
  bindTitle: 'Bind tag "{name}" to a segment',
  bindHint: 'A bound tag follows the segment, refreshed hourly, and is not put on by hand; clearing it makes the tag manual again and keeps its members.',
  noSegment: 'None (manual tag)',
  segmentOption: '{name} ({count} members)',
  bound: 'Tag "{name}" now follows a segment',
  unbound: 'Tag "{name}" is manual again',
  problem: {
    name: 'Give the tag a name',
  },
  invalid: {
    name: 'The name must be 1 to 50 characters',
    color: 'Not a colour',
    description: 'The description is at most 255 characters',
  },
  code: {
    AUTOMATIC_TAG: 'An automatic tag follows its segment: it is not put on or taken off by hand.',
    DUPLICATE: 'A tag with this name already exists',
  },
}

export default en
