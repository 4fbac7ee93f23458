/** The menu title, in the first download; the module's other texts come with its page (index.ts). */
export default {
  'zh-CN': { title: '跨店清分' },
  en: { title: 'Settlement' },
}
