/**
 * A mutation run only after the person confirmed it in a dialog that says what will happen
 * (delete a segment, launch a campaign …): refusals become one message in words, success another.
 */
import type { CombinedError } from '@urql/core'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'

import { explainMutation, type UserErrorLike } from './errors'

export interface ConfirmedMutation {
  title: string
  text: string
  /** The confirm button's label; "Confirm" when omitted. */
  confirmText?: string
  /** Where the messages for this mutation's error codes live (see describeUserError). */
  scope: string
  send: () => Promise<{ error?: CombinedError; payload?: { errors: readonly UserErrorLike[] } | null }>
  /** Shown once the server accepted it. */
  success: string
}

/** Asks, sends, and says how it went; true when the server accepted it. */
export function useConfirmedMutation(): (mutation: ConfirmedMutation) => Promise<boolean> {
  const { t, te } = useI18n()
  return async (mutation) => {
    try {
      await ElMessageBox.confirm(mutation.text, mutation.title, {
        confirmButtonText: mutation.confirmText ?? t('actions.confirm'),
        cancelButtonText: t('actions.cancel'),
        type: 'warning',
      })
    } catch {
      return false
    }
    const { error, payload } = await mutation.send()
    const refused = explainMutation(error, payload, [], { t, te }, mutation.scope)
    if (refused) {
      ElMessage.error(refused.general.join(' '))
      return false
    }
    ElMessage.success(mutation.success)
    return true
  }
}
