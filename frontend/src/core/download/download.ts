/**
 * Files the server makes for staff to take away (a report as Excel or CSV). A download is an HTTP
 * GET of its own, outside GraphQL, so it sends the same bearer token the API client sends
 * (core/graphql/client.ts: bearer) and gets back either the file — named by its
 * Content-Disposition — or a JSON refusal `{"code", "message"}` with the codes GraphQL uses
 * (UNAUTHENTICATED 401, PERMISSION_DENIED 403, INVALID 400).
 *
 * The file is fetched rather than opened as a link because a link cannot carry the token, and a
 * token in the URL would end up in access logs. Nothing here touches Vue or the page: the saving
 * and the token are passed in (see useDownload.ts for the console's wiring), so it is tested alone.
 */
import { bearer } from '@/core/graphql/client'
import { describeUserError, type Translator } from '@/core/graphql/errors'
import type { ErrorCode } from '@/generated/schema'

export interface DownloadRequest {
  /** The server path, e.g. "/exports/settlement". */
  path: string
  /** The query string's parameters. */
  params?: Record<string, string>
  /** The file's name when the server does not give one. */
  fallbackName: string
}

/** How a download ended: saved under a name, or refused / failed (see describeDownloadFailure). */
export type DownloadResult =
  | { ok: true; filename: string }
  | { ok: false; failure: 'network' | 'unexpected' }
  | { ok: false; failure: 'refused'; code: string; message: string }

export type DownloadFailure = Extract<DownloadResult, { ok: false }>

export interface DownloadOptions {
  /** The signed-in staff's token (the session's, as the API client reads it). */
  token: () => string | null
  /** Hands the file to the person: by default an object URL clicked as `<a download>` (saveBlob). */
  save?: (blob: Blob, filename: string) => void
  fetch?: typeof fetch
}

/** The URL of a request, on this site. */
export function downloadUrl(request: Pick<DownloadRequest, 'path' | 'params'>): string {
  const query = new URLSearchParams(request.params ?? {}).toString()
  return query ? `${request.path}?${query}` : request.path
}

/** A name safe to save under: no folders, no control characters. */
function safeName(name: string): string | null {
  const cleaned = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : null
}

/**
 * The file name a Content-Disposition header gives, or null: the RFC 5987 `filename*=UTF-8''…`
 * (a Chinese name) before the plain `filename="…"`.
 */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(disposition)
  if (extended?.[1]?.toLowerCase() === 'utf-8' && extended[2]) {
    try {
      const name = safeName(decodeURIComponent(extended[2].trim().replace(/^"|"$/g, '')))
      if (name) return name
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition)
  if (quoted?.[1] !== undefined) return safeName(quoted[1].replace(/\\(.)/g, '$1'))
  const bare = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(disposition)
  return bare?.[1] ? safeName(bare[1]) : null
}

/** The refusal in a failed response's JSON body, if it is one. */
async function refusalOf(response: Response): Promise<{ code: string; message: string } | null> {
  try {
    const body: unknown = await response.json()
    if (body !== null && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
      const message = 'message' in body && typeof body.message === 'string' ? body.message : ''
      return { code: body.code, message }
    }
  } catch {
    // not JSON: a proxy's error page, a crash
  }
  return null
}

/** Saves a file the browser's way: a temporary object URL behind a clicked `<a download>`. */
export function saveBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.appendChild(link)
  try {
    link.click()
  } finally {
    link.remove()
    // The browser has taken the file once the click is handled; give a slow one time anyway.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}

/** Fetches a file with the staff's token and saves it; says how it went, never throws. */
export async function download(request: DownloadRequest, options: DownloadOptions): Promise<DownloadResult> {
  const get = options.fetch ?? fetch
  const save = options.save ?? ((blob: Blob, filename: string) => saveBlob(blob, filename))
  let response: Response
  try {
    response = await get(downloadUrl(request), {
      method: 'GET',
      headers: { accept: '*/*', ...bearer(options.token()) },
      credentials: 'same-origin',
    })
  } catch {
    return { ok: false, failure: 'network' }
  }
  if (!response.ok) {
    const refusal = await refusalOf(response)
    return refusal ? { ok: false, failure: 'refused', ...refusal } : { ok: false, failure: 'unexpected' }
  }
  let blob: Blob
  try {
    blob = await response.blob()
  } catch {
    return { ok: false, failure: 'network' }
  }
  const filename = filenameFrom(response.headers.get('content-disposition')) ?? request.fallbackName
  save(blob, filename)
  return { ok: true, filename }
}

/** Whether the server said the session is over (the console then sends the person to sign in). */
export function endsSession(result: DownloadResult): boolean {
  return !result.ok && result.failure === 'refused' && result.code === 'UNAUTHENTICATED'
}

/**
 * What to tell the person about a failed download, in the console's words: the text for the
 * refusal's code as for any API error (describeUserError: the screen's `<scope>.code.<CODE>`
 * first, then `errors.code.<CODE>`, then the server's own message), the request-level texts for a
 * lost connection or an answer that is neither a file nor a refusal.
 */
export function describeDownloadFailure(failure: DownloadFailure, i18n: Translator, scope?: string): string {
  if (failure.failure !== 'refused') return i18n.t(`failure.${failure.failure}`)
  const error = { field: null, code: failure.code as ErrorCode, message: failure.message || i18n.t('failure.unexpected') }
  return describeUserError(error, i18n, scope)
}
