// @ts-check
/**
 * How much JavaScript a browser downloads (gzipped) to show the console: the entry and what
 * index.html preloads; the sign-in screen and the overview in all; then what each further page
 * adds (its chunk and static imports not already loaded). Run after `npm run build`: `npm run size`.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const DIST = new URL('../dist/', import.meta.url)
/** Pages opened after the overview, each counted alone on top of the layout. */
const LATER = [
  'TierChart',
  'TrendChart',
  'LiabilityCard',
  'SettlementPage',
  'MemberListPage',
  'MemberDetailPage',
  'MemberFormPage',
  'CashierPage',
  'ReceiptPage',
  'TagsPage',
  'SegmentListPage',
  'SegmentBuilderPage',
  'CampaignListPage',
  'CampaignWizardPage',
  'CampaignDetailPage',
  'ResultsChart',
  'CarePage',
  'SettingsPage',
  'GraphiqlPage',
  'mountGraphiql',
]

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
const assets = readdirSync(new URL('assets/', DIST))
/** The chunk of a page or component and its static imports. @param {string} name */
function page(name) {
  const chunk = assets.find((file) => file.startsWith(`${name}-`) && file.endsWith('.js'))
  if (!chunk) throw new Error(`no chunk for ${name}: was it renamed?`)
  return closure(`assets/${chunk}`)
}
/** @param {Iterable<string>} files */
const kb = (files) => ([...new Set(files)].reduce((sum, file) => sum + gzipped(file), 0) / 1024).toFixed(1)
const shell = new Set([...initial, ...page('AppLayout')])

console.log(`initial JS (entry and what index.html preloads): ${kb(initial)} kB gzipped`)
console.log(`sign-in screen, in all:                          ${kb([...initial, ...page('LoginPage')])} kB`)
console.log(`overview after sign-in (layout + page), in all:  ${kb([...shell, ...page('DashboardPage')])} kB`)
for (const name of LATER) {
  console.log(`then ${name.padEnd(17)} +${kb([...page(name)].filter((file) => !shell.has(file)))} kB`)
}
