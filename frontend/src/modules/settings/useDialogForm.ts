/**
 * A settings dialog's form: opened empty (or with what it edits), checked before sending (problems in words beside the
 * fields), sent, and the API's refusals shown beside the fields or above the form. `done` runs
 * once the server accepted it, and the dialog closes.
 */
import type { CombinedError } from '@urql/core'
import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { explainMutation, type UserErrorLike } from '@/core/graphql/errors'

import { describeProblems, type SettingsProblem } from './forms'

export interface DialogFormOptions<Form extends object, Input, Field extends keyof Form & string> {
  empty: () => Form
  check: (form: Form) => { ok: true; input: Input } | { ok: false; problems: Partial<Record<keyof Form, SettingsProblem>> }
  send: (input: Input) => Promise<{ error?: CombinedError; payload?: { errors: readonly UserErrorLike[] } | null }>
  /** The form fields the API may name in its errors. */
  fields: readonly Field[]
  /** Where the messages for this form's API errors live (see describeUserError). */
  scope: string
  done: (input: Input) => void
}

export function useDialogForm<Form extends object, Input, Field extends keyof Form & string>(
  options: DialogFormOptions<Form, Input, Field>,
) {
  const { t, te } = useI18n()
  const open = ref(false)
  const form = reactive(options.empty()) as Form
  const problems = ref<Partial<Record<keyof Form, string>>>({})
  const general = ref<string[]>([])

  function start(): void {
    edit(options.empty())
  }

  /** Opens the dialog filled with what is being edited. */
  function edit(initial: Form): void {
    Object.assign(form, initial)
    problems.value = {}
    general.value = []
    open.value = true
  }

  async function submit(): Promise<void> {
    general.value = []
    const checked = options.check(form)
    if (!checked.ok) {
      problems.value = describeProblems(checked.problems as Partial<Record<string, SettingsProblem>>, { t, te }) as Partial<
        Record<keyof Form, string>
      >
      return
    }
    problems.value = {}
    const { error, payload } = await options.send(checked.input)
    const refused = explainMutation(error, payload, options.fields, { t, te }, options.scope)
    if (refused) {
      problems.value = refused.fields as Partial<Record<keyof Form, string>>
      general.value = refused.general
      return
    }
    open.value = false
    options.done(checked.input)
  }

  return { open, form, problems, general, start, edit, submit }
}
