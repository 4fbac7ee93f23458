import { describe, expect, it, vi } from 'vitest'

import commonZh from '@/core/i18n/zh-CN'

import {
  describeDownloadFailure,
  download,
  downloadUrl,
  endsSession,
  filenameFrom,
  saveBlob,
  type DownloadFailure,
  type DownloadRequest,
} from './download'

const REQUEST: DownloadRequest = {
  path: '/exports/settlement',
  params: { from: '2026-03-01', to: '2026-03-31', format: 'xlsx' },
  fallbackName: 'settlement-2026-03-01-2026-03-31.xlsx',
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function fileResponse(body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status: 200, headers: { 'content-type': XLSX, ...headers } })
}

function refusal(status: number, code: string, message = `the server's ${code}`): Response {
  return new Response(JSON.stringify({ code, message }), { status, headers: { 'content-type': 'application/json' } })
}

/** A download with a stubbed fetch, recording what was saved. */
async function run(response: Response | Error, token: string | null = 'secret-token') {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => {
    if (response instanceof Error) throw response
    return response
  })
  const saved: { blob: Blob; filename: string }[] = []
  const result = await download(REQUEST, { token: () => token, fetch, save: (blob, filename) => saved.push({ blob, filename }) })
  return { result, fetch, saved }
}

/** The console's Chinese texts by key, as vue-i18n would give them. */
function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages)
}
const zh = {
  ...commonZh,
  /** A screen's own texts for refusal codes (see describeUserError). */
  report: { code: { INVALID: '无法导出该期间，请重新选择期间。' } },
} as Record<string, unknown>
const i18n = {
  t: (key: string) => {
    const text = lookup(zh, key)
    return typeof text === 'string' ? text : key
  },
  te: (key: string) => typeof lookup(zh, key) === 'string',
}

describe('download', () => {
  it('GETs the file with the staff’s bearer token and saves it under the server’s name', async () => {
    const { result, fetch, saved } = await run(
      fileResponse('PK\u0003\u0004…', { 'content-disposition': 'attachment; filename="settlement-2026-03-01-2026-03-31.xlsx"' }),
    )
    expect(result).toEqual({ ok: true, filename: 'settlement-2026-03-01-2026-03-31.xlsx' })
    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('/exports/settlement?from=2026-03-01&to=2026-03-31&format=xlsx')
    expect(init?.method).toBe('GET')
    expect(init?.headers).toMatchObject({ authorization: 'Bearer secret-token' })
    expect(saved).toHaveLength(1)
    expect(saved[0]?.filename).toBe('settlement-2026-03-01-2026-03-31.xlsx')
    expect(await saved[0]?.blob.text()).toBe('PK\u0003\u0004…')
    expect(saved[0]?.blob.type).toBe(XLSX)
  })

  it('falls back to the name built from the request when the server gives none', async () => {
    const { result, saved } = await run(fileResponse('a,b\n'))
    expect(result).toEqual({ ok: true, filename: REQUEST.fallbackName })
    expect(saved[0]?.filename).toBe(REQUEST.fallbackName)
  })

  it('sends no Authorization header without a token (the server then answers UNAUTHENTICATED)', async () => {
    const { fetch } = await run(refusal(401, 'UNAUTHENTICATED'), null)
    const headers = (fetch.mock.calls[0]?.[1]?.headers ?? {}) as Record<string, string>
    expect(Object.keys(headers).map((name) => name.toLowerCase())).not.toContain('authorization')
  })

  it('saves nothing when the server refuses, and passes on its code and message', async () => {
    for (const [status, code] of [
      [401, 'UNAUTHENTICATED'],
      [403, 'PERMISSION_DENIED'],
      [400, 'INVALID'],
    ] as const) {
      const { result, saved } = await run(refusal(status, code))
      expect(result).toEqual({ ok: false, failure: 'refused', code, message: `the server's ${code}` })
      expect(saved).toEqual([])
    }
  })

  it('tells a lost connection from an answer that is neither a file nor a refusal', async () => {
    expect((await run(new TypeError('Failed to fetch'))).result).toEqual({ ok: false, failure: 'network' })
    const { result, saved } = await run(new Response('<html>Bad gateway</html>', { status: 502 }))
    expect(result).toEqual({ ok: false, failure: 'unexpected' })
    expect(saved).toEqual([])
  })
})

describe('describeDownloadFailure', () => {
  const refused = (code: string, message = 'English details'): DownloadFailure => ({ ok: false, failure: 'refused', code, message })

  it('maps the refusal codes to the console’s texts for them', () => {
    expect(describeDownloadFailure(refused('UNAUTHENTICATED'), i18n)).toBe('登录已过期，请重新登录。')
    expect(describeDownloadFailure(refused('PERMISSION_DENIED'), i18n)).toBe('您没有权限进行此操作。')
    expect(describeDownloadFailure(refused('INVALID'), i18n)).toBe('输入内容不正确。')
  })

  it('prefers the screen’s own text for a code, and the server’s message for a code the console does not know', () => {
    expect(describeDownloadFailure(refused('INVALID'), i18n, 'report')).toBe('无法导出该期间，请重新选择期间。')
    expect(describeDownloadFailure(refused('PERMISSION_DENIED'), i18n, 'report')).toBe('您没有权限进行此操作。')
    expect(describeDownloadFailure(refused('SOMETHING_NEW', 'Try later.'), i18n)).toBe('Try later.')
  })

  it('uses the request-level texts for a lost connection and an unexpected answer', () => {
    expect(describeDownloadFailure({ ok: false, failure: 'network' }, i18n)).toBe('无法连接服务器，请检查网络后重试。')
    expect(describeDownloadFailure({ ok: false, failure: 'unexpected' }, i18n)).toBe('系统出现意外错误，请稍后重试。')
  })
})

describe('endsSession', () => {
  it('is true only for an UNAUTHENTICATED refusal', () => {
    expect(endsSession({ ok: false, failure: 'refused', code: 'UNAUTHENTICATED', message: '' })).toBe(true)
    expect(endsSession({ ok: false, failure: 'refused', code: 'PERMISSION_DENIED', message: '' })).toBe(false)
    expect(endsSession({ ok: false, failure: 'network' })).toBe(false)
    expect(endsSession({ ok: true, filename: 'a.csv' })).toBe(false)
  })
})

describe('filenameFrom', () => {
  it('reads a quoted or bare name', () => {
    expect(filenameFrom('attachment; filename="settlement-2026-03-01-2026-03-31-debts.csv"')).toBe(
      'settlement-2026-03-01-2026-03-31-debts.csv',
    )
    expect(filenameFrom('attachment; filename=report.csv')).toBe('report.csv')
    expect(filenameFrom('attachment; filename="say \\"hi\\".csv"')).toBe('say "hi".csv')
  })

  it('prefers the UTF-8 name (a Chinese one) to the plain fallback', () => {
    expect(filenameFrom(`attachment; filename="settlement.xlsx"; filename*=UTF-8''%E8%B7%A8%E5%BA%97%E6%B8%85%E5%88%86.xlsx`)).toBe(
      '跨店清分.xlsx',
    )
    expect(filenameFrom(`attachment; filename="plain.xlsx"; filename*=UTF-8''%E0%A4%A.xlsx`)).toBe('plain.xlsx')
  })

  it('keeps no folders in the name, and is null without one', () => {
    expect(filenameFrom('attachment; filename="../../etc/passwd"')).toBe('.._.._etc_passwd')
    expect(filenameFrom('attachment')).toBeNull()
    expect(filenameFrom('attachment; filename=""')).toBeNull()
    expect(filenameFrom(null)).toBeNull()
  })
})

describe('downloadUrl', () => {
  it('encodes the parameters, and leaves a path without any alone', () => {
    expect(downloadUrl({ path: '/exports/x', params: { q: 'a b&c' } })).toBe('/exports/x?q=a+b%26c')
    expect(downloadUrl({ path: '/exports/x' })).toBe('/exports/x')
  })
})

describe('saveBlob', () => {
  it('clicks a temporary <a download> on an object URL, then removes it and frees the URL', () => {
    vi.useFakeTimers()
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:tessera/1')
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const link = { href: '', download: '', rel: '', style: { display: '' }, click: vi.fn(), remove: vi.fn() }
    const appendChild = vi.fn()
    const doc = { createElement: vi.fn(() => link), body: { appendChild } } as unknown as Document
    const blob = new Blob(['x'])
    try {
      saveBlob(blob, 'settlement.xlsx', doc)
      expect(create).toHaveBeenCalledWith(blob)
      expect(doc.createElement).toHaveBeenCalledWith('a')
      expect(appendChild).toHaveBeenCalledWith(link)
      expect(link).toMatchObject({ href: 'blob:tessera/1', download: 'settlement.xlsx' })
      expect(link.click).toHaveBeenCalledTimes(1)
      expect(link.remove).toHaveBeenCalledTimes(1)
      expect(revoke).not.toHaveBeenCalled()
      vi.runAllTimers()
      expect(revoke).toHaveBeenCalledWith('blob:tessera/1')
    } finally {
      create.mockRestore()
      revoke.mockRestore()
      vi.useRealTimers()
    }
  })
})
