import { describe, expect, it } from 'vitest'

import { FIRST_PAGE, back, cursorOf, forward } from './cursorPages'

describe('cursor pages', () => {
  it('starts on the first page with no cursor', () => {
    expect(FIRST_PAGE.index).toBe(0)
    expect(cursorOf(FIRST_PAGE)).toBeNull()
  })

  it('goes forward with the end cursor and back to the cursor it came from', () => {
    const second = forward(FIRST_PAGE, 'c20')
    const third = forward(second, 'c40')

    expect([second.index, cursorOf(second)]).toEqual([1, 'c20'])
    expect([third.index, cursorOf(third)]).toEqual([2, 'c40'])
    expect(cursorOf(back(third))).toBe('c20')
    expect(cursorOf(back(back(third)))).toBeNull()
  })

  it('stays on the last page when there is no end cursor', () => {
    expect(forward(FIRST_PAGE, null)).toBe(FIRST_PAGE)
    expect(forward(FIRST_PAGE, undefined)).toBe(FIRST_PAGE)
  })

  it('does not go before the first page', () => {
    expect(back(FIRST_PAGE)).toBe(FIRST_PAGE)
  })

  it('forgets the pages after the one it leaves from when going forward again', () => {
    const third = forward(forward(FIRST_PAGE, 'c20'), 'c40')

    const again = forward(back(third), 'c40-new')

    expect(again.cursors).toEqual([null, 'c20', 'c40-new'])
  })
})
