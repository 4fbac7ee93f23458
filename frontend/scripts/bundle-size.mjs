// @ts-check
/**
 * How much JavaScript a browser downloads (gzipped) before it can show the console: the entry
 * and what index.html preloads, then, for each page, the entry plus the page's chunk and its
 * static imports. Run after `npm run build`: `npm run size`.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const DIST = new URL('../dist/', import.meta.url)
const PAGES = ['LoginPage', 'AppLayout', 'DashboardPage', 'MemberListPage', 'MemberDetailPage', 'CashierPage', 'TierChart']

/** @param {string} file */
const read = (file) => readFileSync(new URL(file, DIST))
/** @param {string} file */
const gzipped = (file) => gzipSync(read(file), { level: 9 }).length

/** A chunk and everything it imports statically, as paths under dist/. @param {string} file */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  const code = read(file).toString()
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${},\s*]+from\s*)?"\.\/([^"]+\.js)"/g)) {
    closure(`assets/${match[1]}`, seen)
  }
  return seen
}

const html = read('index.html').toString()
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].flatMap((match) => [...closure(match[1] ?? '')]),
)
/** @param {Set<string>} files */
const kb = (files) => ([...files].reduce((sum, file) => sum + gzipped(file), 0) / 1024).toFixed(1)

console.log(`initial JS (entry and preloads): ${kb(initial)} kB gzipped in ${initial.size} files`)
const assets = readdirSync(new URL('assets/', DIST))
for (const page of PAGES) {
  const chunk = assets.find((name) => name.startsWith(`${page}-`) && name.endsWith('.js'))
  if (!chunk) continue
  const own = new Set([...closure(`assets/${chunk}`)].filter((file) => !initial.has(file)))
  console.log(`${page.padEnd(18)} +${kb(own)} kB gzipped when first opened`)
}
