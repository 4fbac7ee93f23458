/** A campaign read through `node(id:)`: the answer is any Node, this narrows it to the campaign. */
import type { CampaignDetailQuery } from './campaign.generated'

type AnyNode = CampaignDetailQuery['node']
export type CampaignDetail = Extract<NonNullable<AnyNode>, { variants: unknown }>

export function campaignOf(node: AnyNode | undefined): CampaignDetail | null {
  return node && 'variants' in node ? (node as CampaignDetail) : null
}
