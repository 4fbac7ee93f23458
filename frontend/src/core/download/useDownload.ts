/**
 * A download as a page runs it (see download.ts): the signed-in staff's token, a flag for the
 * button's loading state, the failure in the console's words as a message, and an expired session
 * sending the person to sign in as any API call would.
 */
import { ElMessage } from 'element-plus'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { sessionExpired } from '@/core/graphql/api'
import { session } from '@/core/session/session'

import { describeDownloadFailure, download, endsSession, type DownloadRequest } from './download'

/** `scope`: where the screen's own texts for refusal codes live (`<scope>.code.<CODE>`). */
export function useDownload(scope?: string) {
  const { t, te } = useI18n()
  const running = ref(false)

  /** Downloads and saves the file; false when it failed (already said) or another is under way. */
  async function start(request: DownloadRequest): Promise<boolean> {
    if (running.value) return false
    running.value = true
    try {
      const result = await download(request, { token: () => session.token })
      if (result.ok) return true
      ElMessage.error(describeDownloadFailure(result, { t, te }, scope))
      if (endsSession(result)) sessionExpired()
      return false
    } finally {
      running.value = false
    }
  }

  return { downloading: computed(() => running.value), download: start }
}
