/**
 * The builder's live count: each change to the rule is checked at once (problems beside their
 * conditions), and once the typing pauses a valid rule is sent to previewSegment. Answers to
 * older versions of the rule are dropped, so the count shown is always the current rule's.
 */
import { useClientHandle } from '@urql/vue'
import { computed, onBeforeUnmount, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import { classifyFailure, describeUserError, type Failure, type UserErrorLike } from '@/core/graphql/errors'

import { PreviewSegmentDocument, type PreviewSegmentQuery } from './segment.generated'
import { nodeForField, toRuleInput, type Group, type NodePaths } from './ruleTree'

/** How long the rule must stay unchanged before it is counted. */
export const PREVIEW_DELAY_MS = 400

type Sample = PreviewSegmentQuery['previewSegment']['sample']

export interface NodeMessage {
  field: string
  text: string
}

/** API errors about the rule, beside the nodes they name; the rest for the page as a whole. */
export function placeRuleErrors(
  errors: readonly UserErrorLike[],
  paths: NodePaths,
  describe: (error: UserErrorLike) => string,
): { nodes: Record<string, NodeMessage>; rest: UserErrorLike[] } {
  const nodes: Record<string, NodeMessage> = {}
  const rest: UserErrorLike[] = []
  for (const error of errors) {
    const id = nodeForField(paths, error.field)
    if (id === null) rest.push(error)
    else nodes[id] ??= { field: error.field?.at(-1) ?? '', text: describe(error) }
  }
  return { nodes, rest }
}

export function useRulePreview(tree: Group) {
  const { t, te } = useI18n()
  const { client } = useClientHandle()
  const count = ref<number | null>(null)
  const sample = ref<Sample>([])
  const counting = ref(false)
  const failure = ref<Failure | null>(null)
  const apiMessages = ref<Record<string, NodeMessage>>({})
  /** Problems show once the rule was edited or a save was tried, not on an untouched new rule. */
  const touched = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let version = 0

  const checked = computed(() => toRuleInput(tree))
  const localMessages = computed<Record<string, NodeMessage>>(() => {
    const result = checked.value
    if (result.ok || !touched.value) return {}
    return Object.fromEntries(
      Object.entries(result.problems).map(([id, problem]) => [id, { field: problem.field, text: t(`segment.problem.${problem.problem}`) }]),
    )
  })
  /** What to show beside each node: its own problem first, else what the API said of it. */
  const messages = computed(() => ({ ...apiMessages.value, ...localMessages.value }))
  const describe = (error: UserErrorLike) => describeUserError(error, { t, te }, 'segment')

  async function run(mine: number): Promise<void> {
    const result = checked.value
    if (!result.ok) return
    counting.value = true
    const answer = await client.query(PreviewSegmentDocument, { rule: result.input }, { requestPolicy: 'network-only' }).toPromise()
    if (mine !== version) return
    counting.value = false
    failure.value = classifyFailure(answer.error)
    const preview = answer.data?.previewSegment
    if (!preview) {
      failure.value ??= 'unexpected'
      return
    }
    apiMessages.value = placeRuleErrors(preview.errors, result.paths, describe).nodes
    count.value = preview.errors.length ? null : (preview.count ?? null)
    sample.value = preview.sample
  }

  watch(
    () => JSON.stringify(tree),
    (_now, before) => {
      if (before !== undefined) touched.value = true
      version += 1
      const mine = version
      apiMessages.value = {}
      clearTimeout(timer)
      if (!checked.value.ok) {
        count.value = null
        sample.value = []
        counting.value = false
        return
      }
      counting.value = true
      timer = setTimeout(() => void run(mine), PREVIEW_DELAY_MS)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => clearTimeout(timer))

  return { checked, count, sample, counting, failure, messages, apiMessages, describe, touched }
}
