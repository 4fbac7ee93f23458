/**
 * The console's language: Chinese unless the person switched to English on this device. The
 * browser's language is not consulted — staff of a Chinese chain expect Chinese first.
 */
export const LOCALES = ['zh-CN', 'en'] as const

export type AppLocale = (typeof LOCALES)[number]

export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

const LOCALE_KEY = 'tessera.locale'

export function isAppLocale(value: unknown): value is AppLocale {
  return LOCALES.includes(value as AppLocale)
}

export function storedLocale(storage: Pick<Storage, 'getItem'> = localStorage): AppLocale {
  const value = storage.getItem(LOCALE_KEY)
  return isAppLocale(value) ? value : DEFAULT_LOCALE
}

export function storeLocale(locale: AppLocale, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(LOCALE_KEY, locale)
}

/** The English texts of a module must have exactly the keys of its Chinese texts. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/**
 * A module's texts loaded with its pages rather than with the console (see loadModuleMessages):
 * `name` is the module's key in the messages, one object per locale.
 */
export interface ModuleMessages {
  name: string
  messages: Record<AppLocale, Record<string, unknown>>
}
