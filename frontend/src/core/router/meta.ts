/**
 * What a route declares about itself: who may enter (see core/session/access.ts), its title and
 * whether the menu lists it. Module routes fill these in; the guard and the menu read them.
 */
import type { ModuleMessages } from '@/core/i18n/locale'
import type { AccessRule } from '@/core/session/access'

/**
 * Menu icons by name: the menu (loaded with the console layout) owns the icon components, so the
 * first download — which holds every module's routes — carries no icon code.
 */
export type MenuIcon =
  | 'dashboard'
  | 'settlement'
  | 'members'
  | 'cashier'
  | 'tags'
  | 'segments'
  | 'campaigns'
  | 'care'
  | 'settings'
  | 'developer'

declare module 'vue-router' {
  interface RouteMeta extends AccessRule {
    /** Reachable without signing in (the login page). */
    public?: boolean
    /** i18n key of the page title. */
    title?: string
    /** Listed in the side menu, in `order`, with one of the menu's icons. */
    menu?: { icon: MenuIcon; order: number }
    /** The page's module texts, loaded before the page opens (only its menu title is in the first download). */
    messages?: () => Promise<ModuleMessages>
  }
}

/** A redirect target from the query string, only when it is a path on this site. */
export function safeRedirect(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : null
}
