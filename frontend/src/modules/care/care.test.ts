import { describe, expect, it } from 'vitest'

import { checkFollowUp, emptyFollowUpForm, nextStatuses } from './care'

describe('nextStatuses', () => {
  it('follows the feedback workflow, reopening included', () => {
    expect(nextStatuses('OPEN')).toEqual(['IN_PROGRESS'])
    expect(nextStatuses('IN_PROGRESS')).toEqual(['RESOLVED', 'CLOSED'])
    expect(nextStatuses('RESOLVED')).toEqual(['CLOSED', 'OPEN'])
    expect(nextStatuses('CLOSED')).toEqual(['OPEN'])
  })
})

describe('checkFollowUp', () => {
  const now = new Date('2026-11-23T02:00:00Z')

  it('needs a member and a next date after the contact day', () => {
    const form = { ...emptyFollowUpForm(), nextFollowUpOn: '2026-11-23' }

    expect(checkFollowUp(form, now)).toEqual({ ok: false, problems: { memberId: 'member', nextFollowUpOn: 'nextAfterVisit' } })
  })

  it('counts the contact day from the visit when one is given', () => {
    const form = { ...emptyFollowUpForm('TWVtYmVyOjE='), visitedAt: '2026-11-20T10:00:00+08:00', nextFollowUpOn: '2026-11-21' }

    expect(checkFollowUp(form, now)).toMatchObject({ ok: true, input: { visitedAt: '2026-11-20T10:00:00+08:00', nextFollowUpOn: '2026-11-21' } })
  })

  it('sends trimmed notes, and none when blank', () => {
    const form = { ...emptyFollowUpForm('TWVtYmVyOjE='), notes: '  ', outcome: 'NO_ANSWER' as const }

    expect(checkFollowUp(form, now)).toEqual({
      ok: true,
      input: { memberId: 'TWVtYmVyOjE=', channel: 'PHONE', outcome: 'NO_ANSWER', visitedAt: null, notes: null, nextFollowUpOn: null },
    })
    expect(checkFollowUp({ ...form, notes: 'x'.repeat(2001) }, now)).toEqual({ ok: false, problems: { notes: 'tooLong' } })
  })
})
