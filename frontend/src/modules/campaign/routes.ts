import type { RouteRecordRaw } from 'vue-router'

const messages = () => import('./locales').then((module) => module.default)

/**
 * Campaigns: every role with MANAGE_CAMPAIGNS sees its unit's; HQ runs them, REGION and STORE only
 * when HQ allows local campaigns (the pages ask campaignSettings and offer no action otherwise).
 */
export const campaignRoutes: RouteRecordRaw[] = [
  {
    path: 'campaigns',
    name: 'campaigns',
    component: () => import('./CampaignListPage.vue'),
    meta: { messages, title: 'campaign.title', permissions: ['MANAGE_CAMPAIGNS'], menu: { icon: 'campaigns', order: 55 } },
  },
  {
    path: 'campaigns/new',
    name: 'campaign-create',
    component: () => import('./CampaignWizardPage.vue'),
    meta: { messages, title: 'campaign.new', permissions: ['MANAGE_CAMPAIGNS'] },
  },
  {
    path: 'campaigns/:id/edit',
    name: 'campaign-edit',
    component: () => import('./CampaignWizardPage.vue'),
    props: true,
    meta: { messages, title: 'campaign.edit', permissions: ['MANAGE_CAMPAIGNS'] },
  },
  {
    path: 'campaigns/:id',
    name: 'campaign',
    component: () => import('./CampaignDetailPage.vue'),
    props: true,
    meta: { messages, title: 'campaign.detail', permissions: ['MANAGE_CAMPAIGNS'] },
  },
]
