/**
 * What the builder's pickers offer (tiers, regions, stores, tags in the viewer's scope, and the
 * fixed enums), provided once by the builder page to every condition in the tree.
 */
import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue'

import { useApiQuery } from '@/core/graphql/useApiQuery'
import { session } from '@/core/session/session'
import type { Gender, RfmGroup } from '@/generated/schema'
import { useScopedStores } from '@/modules/org/useStores'
import { useTags } from '@/modules/tag/useTags'
import { useTiers } from '@/modules/tier/useTiers'

import { SegmentCampaignChoicesDocument } from './segment.generated'

export interface Choice {
  value: string
  label: string
}

export interface RuleOptions {
  tiers: ComputedRef<Choice[]>
  regions: ComputedRef<Choice[]>
  homeStores: ComputedRef<Choice[]>
  tags: ComputedRef<Choice[]>
  campaignReceived: ComputedRef<Choice[]>
  campaignConverted: ComputedRef<Choice[]>
}

export const GENDERS: readonly Gender[] = ['FEMALE', 'MALE', 'UNKNOWN']
export const RFM_GROUPS: readonly RfmGroup[] = [
  'IMPORTANT_VALUE',
  'IMPORTANT_KEEP',
  'IMPORTANT_DEVELOP',
  'IMPORTANT_RETAIN',
  'GENERAL_VALUE',
  'GENERAL_KEEP',
  'GENERAL_DEVELOP',
  'GENERAL_RETAIN',
]
export const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1))

const KEY: InjectionKey<RuleOptions> = Symbol('segment rule options')

export function provideRuleOptions(): RuleOptions {
  const { tiers } = useTiers()
  const { stores } = useScopedStores()
  const { tags } = useTags()
  const campaigns = useApiQuery({ query: SegmentCampaignChoicesDocument })
  const campaignChoices = computed(() =>
    (campaigns.data.value?.campaigns.edges ?? []).map((edge) => ({ value: edge.node.id, label: edge.node.name })),
  )
  const options: RuleOptions = {
    tiers: computed(() => tiers.value.map((tier) => ({ value: tier.id, label: tier.name }))),
    homeStores: computed(() => stores.value.map((store) => ({ value: store.id, label: store.name }))),
    regions: computed(() => {
      const seen = new Map<string, string>()
      for (const store of stores.value) if (store.region) seen.set(store.region.id, store.region.name)
      if (session.staff?.region) seen.set(session.staff.region.id, session.staff.region.name)
      return [...seen].map(([value, label]) => ({ value, label }))
    }),
    tags: computed(() => tags.value.map((tag) => ({ value: tag.id, label: tag.name }))),
    campaignReceived: campaignChoices,
    campaignConverted: campaignChoices,
  }
  provide(KEY, options)
  return options
}

export function useRuleOptions(): RuleOptions {
  const options = inject(KEY)
  if (!options) throw new Error('provideRuleOptions() was not called above the rule editor')
  return options
}

/** Where the builder shows each node's problem (checked before sending, or the API's). */
export const NODE_MESSAGES: InjectionKey<ComputedRef<Record<string, { field: string; text: string }>>> = Symbol('segment node messages')
