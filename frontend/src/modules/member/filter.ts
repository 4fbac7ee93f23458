/** The list filter as the form holds it, and as the API takes it (only conditions that are set). */
import type { MemberFilterInput } from '@/generated/schema'

export interface MemberFilterForm {
  text: string
  tierIds: string[]
  tagIds: string[]
  homeStoreIds: string[]
}

export function emptyMemberFilter(): MemberFilterForm {
  return { text: '', tierIds: [], tagIds: [], homeStoreIds: [] }
}

export function memberFilterInput(form: MemberFilterForm): MemberFilterInput {
  const input: MemberFilterInput = {}
  const text = form.text.trim()
  if (text) input.text = text
  if (form.tierIds.length) input.tierIds = [...form.tierIds]
  if (form.tagIds.length) input.tagIds = [...form.tagIds]
  if (form.homeStoreIds.length) input.homeStoreIds = [...form.homeStoreIds]
  return input
}
