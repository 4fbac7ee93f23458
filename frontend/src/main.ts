import { install as urql } from '@urql/vue'
import 'element-plus/theme-chalk/base.css'
import { createApp } from 'vue'

import App from '@/app/App.vue'
import { i18n } from '@/app/i18n'
import { router } from '@/app/router'
import '@/app/styles.css'
import { apiClient } from '@/core/graphql/api'

document.documentElement.lang = i18n.global.locale.value

createApp(App).use(i18n).use(router).use(urql, apiClient).mount('#app')
