/** The menu title, in the first download; the module's other texts come with its pages (index.ts). */
export default {
  'zh-CN': { title: '人群' },
  en: { title: 'Segments' },
}
