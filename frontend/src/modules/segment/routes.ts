import type { RouteRecordRaw } from 'vue-router'

const messages = () => import('./locales').then((module) => module.default)

/** Segments: every role with MANAGE_SEGMENTS (REGION and STORE build them over their own members). */
export const segmentRoutes: RouteRecordRaw[] = [
  {
    path: 'segments',
    name: 'segments',
    component: () => import('./SegmentListPage.vue'),
    meta: { messages, title: 'segment.title', permissions: ['MANAGE_SEGMENTS'], menu: { icon: 'segments', order: 50 } },
  },
  {
    path: 'segments/new',
    name: 'segment-create',
    component: () => import('./SegmentBuilderPage.vue'),
    meta: { messages, title: 'segment.new', permissions: ['MANAGE_SEGMENTS'] },
  },
  {
    path: 'segments/:id',
    name: 'segment',
    component: () => import('./SegmentBuilderPage.vue'),
    props: true,
    meta: { messages, title: 'segment.edit', permissions: ['MANAGE_SEGMENTS'] },
  },
]
