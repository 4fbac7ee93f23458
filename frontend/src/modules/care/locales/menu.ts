/** The menu title, in the first download; the module's other texts come with its pages (index.ts). */
export default {
  'zh-CN': { title: '关怀服务' },
  en: { title: 'Care & service' },
}
