/**
 * Launching and pausing a campaign, each after a confirmation that says what will happen, and
 * whether this account may do either (HQ; REGION and STORE only when HQ allows local campaigns).
 */
import { useClientHandle } from '@urql/vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

import { explainMutation } from '@/core/graphql/errors'
import { useApiQuery } from '@/core/graphql/useApiQuery'
import { session } from '@/core/session/session'
import type { CampaignStatus } from '@/generated/schema'

import { CampaignSettingsBriefDocument, LaunchCampaignDocument, PauseCampaignDocument } from './campaign.generated'

export const LAUNCHABLE: readonly CampaignStatus[] = ['DRAFT', 'PAUSED']

export function useCampaignControl(changed: () => void) {
  const { t, te } = useI18n()
  const { client } = useClientHandle()
  const settings = useApiQuery({ query: CampaignSettingsBriefDocument })

  /** Whether this account may create, launch and pause campaigns. */
  const mayRun = computed(() => {
    const staff = session.staff
    if (!staff?.permissions.includes('MANAGE_CAMPAIGNS')) return false
    return staff.role === 'HQ' || (settings.data.value?.campaignSettings.localCampaigns ?? false)
  })

  async function confirmed(kind: 'launch' | 'pause', name: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(t(`campaign.${kind}Text`, { name }), t(`campaign.${kind}`), {
        confirmButtonText: t(`campaign.${kind}`),
        cancelButtonText: t('actions.cancel'),
        type: 'warning',
      })
      return true
    } catch {
      return false
    }
  }

  async function launch(id: string, name: string): Promise<void> {
    if (!(await confirmed('launch', name))) return
    const result = await client.mutation(LaunchCampaignDocument, { id }).toPromise()
    const refused = explainMutation(result.error, result.data?.launchCampaign, [], { t, te }, 'campaign')
    if (refused) ElMessage.error(refused.general.join(' '))
    else ElMessage.success(t('campaign.launched', { name }))
    changed()
  }

  async function pause(id: string, name: string): Promise<void> {
    if (!(await confirmed('pause', name))) return
    const result = await client.mutation(PauseCampaignDocument, { id }).toPromise()
    const refused = explainMutation(result.error, result.data?.pauseCampaign, [], { t, te }, 'campaign')
    if (refused) ElMessage.error(refused.general.join(' '))
    else ElMessage.success(t('campaign.paused', { name }))
    changed()
  }

  return { mayRun, launch, pause }
}
