/**
 * Launching and pausing a campaign, each after a confirmation that says what will happen, and
 * whether this account may do either (HQ; REGION and STORE only when HQ allows local campaigns).
 */
import { useClientHandle } from '@urql/vue'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

import { useApiQuery } from '@/core/graphql/useApiQuery'
import { useConfirmedMutation } from '@/core/graphql/useConfirmedMutation'
import { session } from '@/core/session/session'
import type { CampaignStatus } from '@/generated/schema'

import { CampaignSettingsBriefDocument, LaunchCampaignDocument, PauseCampaignDocument } from './campaign.generated'

export const LAUNCHABLE: readonly CampaignStatus[] = ['DRAFT', 'PAUSED']

export function useCampaignControl(changed: () => void) {
  const { t } = useI18n()
  const { client } = useClientHandle()
  const confirmed = useConfirmedMutation()
  const settings = useApiQuery({ query: CampaignSettingsBriefDocument })

  /** Whether this account may create, launch and pause campaigns. */
  const mayRun = computed(() => {
    const staff = session.staff
    if (!staff?.permissions.includes('MANAGE_CAMPAIGNS')) return false
    return staff.role === 'HQ' || (settings.data.value?.campaignSettings.localCampaigns ?? false)
  })

  async function launch(id: string, name: string): Promise<void> {
    await confirmed({
      title: t('campaign.launch'),
      text: t('campaign.launchText', { name }),
      confirmText: t('campaign.launch'),
      scope: 'campaign',
      send: async () => {
        const result = await client.mutation(LaunchCampaignDocument, { id }).toPromise()
        return { error: result.error, payload: result.data?.launchCampaign }
      },
      success: t('campaign.launched', { name }),
    })
    changed()
  }

  async function pause(id: string, name: string): Promise<void> {
    await confirmed({
      title: t('campaign.pause'),
      text: t('campaign.pauseText', { name }),
      confirmText: t('campaign.pause'),
      scope: 'campaign',
      send: async () => {
        const result = await client.mutation(PauseCampaignDocument, { id }).toPromise()
        return { error: result.error, payload: result.data?.pauseCampaign }
      },
      success: t('campaign.paused', { name }),
    })
    changed()
  }

  return { mayRun, launch, pause }
}
