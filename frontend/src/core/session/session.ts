/**
 * The signed-in staff account. The token survives a reload (localStorage: a store tablet stays
 * signed in until the server ends the session); the account itself is always re-read from `me`,
 * so a role or permission change on the server shows at the next page load.
 */
import { reactive } from 'vue'

import type { SessionStaffFragment } from './session.generated'

const TOKEN_KEY = 'tessera.token'

interface SessionState {
  token: string | null
  staff: SessionStaffFragment | null
}

export const session = reactive<SessionState>({
  token: localStorage.getItem(TOKEN_KEY),
  staff: null,
})

export function signIn(token: string, staff: SessionStaffFragment): void {
  localStorage.setItem(TOKEN_KEY, token)
  session.token = token
  session.staff = staff
}

export function signOut(): void {
  localStorage.removeItem(TOKEN_KEY)
  session.token = null
  session.staff = null
}
