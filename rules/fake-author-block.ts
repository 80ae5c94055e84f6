/**
 * fake-author-block: author or profile blocks (`Name : Timmy Blanda`,
 * `Username`, `Email`, `Birthdate`, `Address`, `Company`, `Job`, `Bio`,
 * social sub-blocks with url/username/followers) whose values come from a
 * fake-data library. Key/value blocks are found by their labels in any
 * layout (bullets, `Key: value` lines, several fields on one pipe- or
 * comma-separated line, label and value on two lines, two-cell table rows);
 * each value is then checked against faker's own vocabulary and for the
 * shapes fake data has, and the block is reported when its score reaches
 * the threshold. The fix removes the whole block with its heading lines.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, removalPlace, type Line} from './kit/text.js'
import {
  BIO_PARTS,
  BIO_SUPPORTERS,
  CITY_NAMES,
  CITY_PREFIXES,
  CITY_SUFFIXES,
  COMMON_STREET_SUFFIXES,
  COMMON_TOWN_SUFFIXES,
  EXAMPLE_EMAIL_DOMAINS,
  FIRST_NAMES,
  FREE_EMAIL_DOMAINS,
  HEADINGS,
  JOB_AREAS,
  JOB_DESCRIPTORS,
  JOB_TYPES,
  LABELS,
  LAST_NAMES,
  NAME_AFFIXES,
  NAME_PART_LABELS,
  PHP_JOB_ENDINGS,
  PHP_JOB_TITLES,
  PLAUSIBLE_JOB,
  SOCIAL_HOSTS,
  STREET_SUFFIXES,
  isFakerName,
  type FieldKind,
} from './data/fake-author-block.js'
import {countLorem, loremShare} from './kit/lorem.js'

export const meta: RuleMeta = {
  id: 'fake-author-block',
  description: 'author/profile key-value blocks filled with fake-data-library values (Faker names, addresses, companies, job titles, lorem bios)',
  level: 'error',
  fixable: true,
  options: {
    threshold: {
      type: 'number',
      default: 4,
      min: 1,
      max: 30,
      description: 'Fake-data score a profile block needs to be reported (each piece of evidence adds 0.5 to 2.5).',
    },
    minFields: {
      type: 'integer',
      default: 3,
      min: 2,
      max: 20,
      description: 'Fewest profile fields (Name, Email, Phone, ...) a run of key/value lines needs to count as a profile block.',
    },
  },
}

interface Settings extends RuleOptions {
  threshold: number
  minFields: number
}

export interface Field {
  kind: FieldKind
  label: string
  value: string
  /** Line of the label (0-based index into the document's lines). */
  index: number
}

type Parsed =
  | {type: 'blank'}
  | {type: 'fields'; fields: Field[]}
  | {type: 'label'; kind: FieldKind; label: string}
  | {type: 'heading'}
  | {type: 'other'; text: string}

export interface Block {
  /** First and last line index (0-based) of the block, headings included. */
  start: number
  end: number
  fields: Field[]
}

export interface Evidence {
  /** 1-based line. */
  line: number
  key: string
  weight: number
  text: string
}

const BULLETS = new Set(['•', '·', '▪', '◦', '‣', '●', '○', '■', '□', '►', '▸', '✓', '✔', '*', '+', '>', '-', '–', '—'])
const SEGMENT_SEPARATORS = new Set(['|', '•', '·', '▪', ';', ',', '\t', '¦'])
/** Marks around a label: emphasis (`**Name:**`), the quotes of a JSON-like key (`"name":`). */
const LABEL_WRAPPERS = new Set(['*', '_', '"', "'", '“', '”'])
/** A byline that opens a one-line profile without a colon: `Written by Alysha Bechtelar | Email: ...`. */
const BYLINE = /^(?:(?:[Ww]ritten|[Pp]osted|[Rr]eported|[Ww]ords|[Tt]ested|[Rr]eviewed|[Cc]ompiled)\s[Bb]y|B[Yy]|by)\s(?=\p{Lu})/u
const MAX_GAP = 2
const MAX_LABEL = 40

/** Skip leading spaces and one bullet (`•`, `-`, `1.`), return where the content starts. */
function contentStart(text: string): number {
  let i = 0
  const limit = Math.min(text.length, 24)
  while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00A0')) i++
  let j = i
  if (BULLETS.has(text[j] ?? '')) j++
  else {
    let digits = 0
    while (digits < 3 && /\d/.test(text[j] ?? '')) {
      j++
      digits++
    }
    if (digits > 0 && (text[j] === '.' || text[j] === ')')) j++
    else j = i
  }
  if (j > i && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00A0')) {
    while (j < text.length && j < i + 12 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00A0')) j++
    return j
  }
  return i
}

function normalizeLabel(label: string): string {
  let result = label.toLowerCase().replace(/\s+/g, ' ').trim()
  let start = 0
  let end = result.length
  while (start < end && LABEL_WRAPPERS.has(result[start]!)) start++
  while (end > start && LABEL_WRAPPERS.has(result[end - 1]!)) end--
  // `job_title` (a JSON or form key) is the label `job title`.
  result = result.slice(start, end).trim().replace(/_/g, ' ')
  return result
}

function cleanValue(value: string): string {
  let start = 0
  let end = value.length
  // Emphasis, and the quotes and trailing comma of a JSON-like record (`"name": "Nakia Gutkowski",`).
  while (start < end && /[\s*_"“]/.test(value[start]!)) start++
  if (end > start && value[end - 1] === ',') end--
  while (end > start && /[\s*_"”]/.test(value[end - 1]!)) end--
  return value.slice(start, end)
}

interface LabelHit {
  kind: FieldKind
  label: string
  valueStart: number
}

/** A known label followed by `:` (or `：`, `=`) at `start`; with `loose`, also `Label - value` and `Label<TAB>value`. */
function labelAt(body: string, start: number, loose: boolean): LabelHit | undefined {
  const window = body.slice(start, start + MAX_LABEL)
  let colon = -1
  for (let i = 0; i < window.length; i++) {
    const c = window[i]
    if (c === ':' || c === '：' || c === '=') {
      colon = i
      break
    }
  }
  if (colon > 0) {
    const label = normalizeLabel(window.slice(0, colon))
    const kind = LABELS.get(label)
    if (kind) return {kind, label, valueStart: start + colon + 1}
  }
  if (!loose) return undefined
  // `Name - value`, `Name<TAB>value`, and rows of a table rendered as text: `Name      | value`, `Name   value`.
  for (const separator of ['\t', ' - ', ' – ', ' — ', ' |', '  ']) {
    const at = window.indexOf(separator)
    if (at <= 0) continue
    const label = normalizeLabel(window.slice(0, at))
    const kind = LABELS.get(label)
    if (!kind) continue
    let valueStart = start + at + separator.length
    while (valueStart < body.length && valueStart < start + at + 40 && (body[valueStart] === ' ' || body[valueStart] === '\t' || body[valueStart] === '|')) valueStart++
    return {kind, label, valueStart}
  }
  return undefined
}

function isHeading(body: string): boolean {
  const text = body.trim()
  if (text.length === 0 || text.length > MAX_LABEL) return false
  const colon = text.endsWith(':') || text.endsWith('：')
  const core = normalizeLabel(colon ? text.slice(0, -1) : text)
  if (HEADINGS.has(core)) return true
  if (!colon || !/^[A-Z]/i.test(core) || /[.!?,;:]/.test(core)) return false
  return core.split(' ').length <= 4
}

/** Parse one line into profile fields, a lone label, a heading, or other text. */
export function parseLine(text: string, index: number): Parsed {
  if (text.trim() === '') return {type: 'blank'}
  const body = text.slice(contentStart(text))
  // Two-cell table row: `| Name | Timmy Blanda |`.
  if (body.startsWith('|') && body.length < 400) {
    const cells = body.split('|').map((cell) => cell.trim()).filter((cell) => cell !== '')
    if (cells.length === 2) {
      const label = normalizeLabel(cells[0]!.replace(/[:：]$/, ''))
      const kind = LABELS.get(label)
      if (kind) return {type: 'fields', fields: [{kind, label, value: cleanValue(cells[1]!), index}]}
    }
  }
  let first = labelAt(body, 0, true)
  if (!first) {
    const byline = BYLINE.exec(body)
    if (byline) first = {kind: 'name', label: 'by', valueStart: byline[0].length}
  }
  if (!first) {
    // A desk or section name before the first field: `Sports desk | Author: ... | Email: ...`.
    const bar = body.slice(0, MAX_LABEL).indexOf('|')
    if (bar > 0) {
      let j = bar + 1
      while (j < body.length && j < bar + 8 && body[j] === ' ') j++
      const hit = labelAt(body, j, false)
      if (hit && /[|:]/.test(body.slice(hit.valueStart))) first = hit
    }
  }
  if (!first) {
    const bare = normalizeLabel(body.trim().replace(/[:：]$/, ''))
    const kind = LABELS.get(bare)
    // `twitter:` alone heads a social sub-block; `Twitter: @handle` is a field.
    if (kind && body.trim().length <= MAX_LABEL && !(kind === 'username' && HEADINGS.has(bare))) return {type: 'label', kind, label: bare}
    if (isHeading(body)) return {type: 'heading'}
    return {type: 'other', text: body.trim()}
  }
  // Several fields on one line: split where a separator is followed by another known label.
  const hits: Array<{hit: LabelHit; cut: number}> = [{hit: first, cut: 0}]
  for (let i = first.valueStart; i < body.length; i++) {
    if (!SEGMENT_SEPARATORS.has(body[i]!)) continue
    let j = i + 1
    while (j < body.length && j < i + 8 && body[j] === ' ') j++
    const hit = labelAt(body, j, false)
    if (hit) {
      hits.push({hit, cut: i})
      i = hit.valueStart - 1
    }
  }
  const fields: Field[] = []
  for (let k = 0; k < hits.length; k++) {
    const {hit} = hits[k]!
    const end = k + 1 < hits.length ? hits[k + 1]!.cut : body.length
    const value = cleanValue(body.slice(hit.valueStart, end))
    if (value !== '') fields.push({kind: hit.kind, label: hit.label, value, index})
  }
  if (fields.length === 0) return first.kind === 'username' && HEADINGS.has(first.label) ? {type: 'heading'} : {type: 'label', kind: first.kind, label: first.label}
  return {type: 'fields', fields}
}

/** Find runs of profile fields, with the heading lines just before and between them. */
export function findBlocks(lines: readonly Line[], minFields: number): Block[] {
  const parsed = lines.map((line, index) => parseLine(line.text, index))
  const blocks: Block[] = []
  let current: Block | undefined
  let pending: number[] = []
  let blanks = 0
  const close = () => {
    if (current && current.fields.length >= minFields) blocks.push(current)
    current = undefined
  }
  for (let index = 0; index < parsed.length; index++) {
    let entry = parsed[index]!
    if (entry.type === 'blank') {
      blanks++
      if (blanks > MAX_GAP) {
        close()
        pending = []
      }
      continue
    }
    let fields: Field[] | undefined
    let last = index
    if (entry.type === 'fields') fields = entry.fields
    else if (entry.type === 'label') {
      // `Email` on one line, its value on the next (a scraped definition list).
      let next = index + 1
      if (parsed[next]?.type === 'blank') next++
      const value = parsed[next]
      if (value?.type === 'other' && value.text.length <= 300) {
        fields = [{kind: entry.kind, label: entry.label, value: cleanValue(value.text), index}]
        last = next
      } else entry = {type: 'heading'}
    }
    if (fields) {
      if (!current) current = {start: pending[0] ?? index, end: last, fields: []}
      current.fields.push(...fields)
      current.end = last
      pending = []
      blanks = 0
      index = last
      continue
    }
    if (entry.type === 'heading') {
      if (!current && pending.length < 3) pending.push(index)
      blanks = 0
      continue
    }
    close()
    pending = []
    blanks = 0
  }
  close()
  return blocks
}

// ---------------------------------------------------------------- evidence

interface Person {
  first?: string
  last?: string
  shown: string
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

/** Parse a person's name: tokens without prefixes/suffixes, first and last. */
function parseName(value: string): {tokens: string[]; first?: string; last?: string} | undefined {
  const tokens = value.split(/\s+/).filter((token) => token !== '')
  if (tokens.length === 0 || tokens.length > 6) return undefined
  const core = tokens.filter((token) => !NAME_AFFIXES.has(fold(token).replace(/\./g, '')))
  if (core.length === 0 || !core.every((token) => /^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’.-]*$/.test(token))) return undefined
  return {tokens: core, first: core.length > 1 ? core[0] : undefined, last: core[core.length - 1]}
}

interface Handle {
  shown: string
  /** Name tokens recognised in the handle (lower case). */
  names: string[]
  /** Every letter run of the handle is a faker name (or an initial plus one). */
  allNames: boolean
  /** The letter runs, for relating the handle to the person. */
  parts: string[]
}

function splitNames(part: string): string[] | undefined {
  if (FIRST_NAMES.has(part) || LAST_NAMES.has(part)) return [part]
  if (part.length >= 5 && LAST_NAMES.has(part.slice(1))) return [part.slice(1)]
  for (let k = 3; k <= part.length - 3; k++) {
    const a = part.slice(0, k)
    const b = part.slice(k)
    if ((FIRST_NAMES.has(a) || LAST_NAMES.has(a)) && (FIRST_NAMES.has(b) || LAST_NAMES.has(b))) return [a, b]
  }
  return undefined
}

/** Analyse a username, an email's local part or a profile URL's handle. */
function analyzeHandle(raw: string): Handle | undefined {
  const handle = fold(raw.replace(/^@/, ''))
  if (!/^[a-z0-9._-]{2,40}$/.test(handle)) return undefined
  const parts = handle.split(/[^a-z]+/).filter((part) => part.length > 0)
  if (parts.length === 0) return undefined
  const names: string[] = []
  let allNames = true
  for (const part of parts) {
    const found = part.length >= 2 ? splitNames(part) : undefined
    if (found) names.push(...found)
    else allNames = false
  }
  return {shown: raw, names, allNames, parts}
}

/** Whether a handle plausibly belongs to the person (shares a name, initial+surname, ...). */
function handleRelated(handle: Handle, person: Person): boolean | undefined {
  const first = person.first ? fold(person.first) : undefined
  const lasts = person.last ? fold(person.last).split(/[-']/) : []
  const own = [first, ...lasts].filter((token): token is string => token !== undefined && token.length >= 2)
  if (own.length === 0) return undefined
  const joined = handle.parts.join('')
  for (const token of own) if (token.length >= 3 && joined.includes(token)) return true
  if (first && lasts.length > 0 && joined.startsWith(first[0]!) && lasts.some((last) => joined.includes(last.slice(0, 4)))) return true
  // Nothing shared: only say "unrelated" when the handle is made of names.
  if (handle.names.length === 0 || handle.parts.every((part) => part.length < 3)) return undefined
  return false
}

const SOCIAL_URL = /^(?:https?:\/\/)?(?:www\.|m\.)?([a-z0-9.-]{1,60}\.[a-z]{2,10})\/@?([\w.-]{1,40})\/?$/i

interface Context {
  person?: Person
  evidence: Evidence[]
  surnames: Set<string>
  handles: Handle[]
}

function add(context: Context, field: Field, key: string, weight: number, text: string) {
  context.evidence.push({line: field.index + 1, key, weight, text})
}

function checkHandle(context: Context, field: Field, handle: Handle, what: string) {
  context.handles.push(handle)
  for (const name of handle.names) if (LAST_NAMES.has(name)) context.surnames.add(name)
  // With a name in the block, a handle built from it says nothing more; one built from other names does.
  if (!context.person && handle.allNames && handle.names.length > 0) add(context, field, 'handle-faker', 0.5, `${what} \`${handle.shown}\` is built from faker names`)
  if (context.person && handleRelated(handle, context.person) === false) {
    add(context, field, 'handle-unrelated', 1, `${what} \`${handle.shown}\` has nothing to do with the name \`${context.person.shown}\``)
  }
}

function checkName(context: Context, field: Field) {
  if (NAME_PART_LABELS.has(field.label)) {
    const tokens = field.value.split(/\s+/)
    if (tokens.length <= 2 && tokens.every((token) => isFakerName(token))) add(context, field, 'name', 0.5, `\`${field.value}\` is in faker's name lists`)
    return
  }
  const name = parseName(field.value)
  if (!name || !name.first || !name.last) return
  const lasts = name.last.split('-')
  if (FIRST_NAMES.has(name.first.toLowerCase()) && lasts.every((last) => LAST_NAMES.has(last.toLowerCase()))) {
    add(context, field, 'name', lasts.length > 1 ? 1.5 : 1, `\`${field.value}\`: first and last name both in faker's name lists`)
  }
  for (const last of lasts) if (LAST_NAMES.has(last.toLowerCase())) context.surnames.add(fold(last))
}

function checkEmail(context: Context, field: Field) {
  const value = field.value.replace(/^mailto:/i, '')
  const at = value.indexOf('@')
  if (at <= 0 || at !== value.lastIndexOf('@') || /\s/.test(value) || value.length > 120) return
  const local = value.slice(0, at)
  const domain = value.slice(at + 1).toLowerCase().replace(/\.$/, '')
  if (EXAMPLE_EMAIL_DOMAINS.has(domain)) add(context, field, 'email-example', 2, `\`${value}\` uses a domain reserved for examples`)
  else if (FREE_EMAIL_DOMAINS.has(domain)) add(context, field, 'email-free', 0.5, `\`${value}\` uses one of faker's free-mail domains`)
  else {
    const labels = domain.split('.')
    if (labels.length === 2 && LAST_NAMES.has(labels[0]!) && ['com', 'net', 'org', 'info', 'biz', 'name'].includes(labels[1]!)) {
      add(context, field, 'email-domain', 1.5, `the domain of \`${value}\` is a faker surname`)
    }
  }
  const handle = analyzeHandle(local)
  if (handle) checkHandle(context, field, handle, 'email')
}

function checkBirthdate(context: Context, field: Field, now: number) {
  add(context, field, 'birthdate', 0.5, `a ${field.label} (\`${field.value}\`): personal data no author box prints`)
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(field.value)) add(context, field, 'timestamp', 1, `\`${field.value}\` is a raw machine timestamp`)
  const year = /(?:^|\D)((?:18|19|20)\d{2})(?!\d)/.exec(field.value)
  if (!year) return
  const age = new Date(now).getUTCFullYear() - Number(year[1])
  if (age < 16) add(context, field, 'age', 2, `born ${year[1]}: the writer would be ${Math.max(age, 0)} years old`)
  else if (age > 100) add(context, field, 'age', 1.5, `born ${year[1]}: the writer would be ${age} years old`)
}

function checkAge(context: Context, field: Field) {
  const age = /^\d{1,3}$/.test(field.value) ? Number(field.value) : Number.NaN
  if (age < 16) add(context, field, 'age', 2, `age ${age}: a child`)
  else if (age > 100) add(context, field, 'age', 1.5, `age ${age}`)
}

function checkAddress(context: Context, field: Field) {
  const tokens = field.value.split(/[\s,]+/).filter((token) => token !== '')
  let suffixAt = -1
  if (tokens.length >= 3 && /^\d{1,6}[A-Z]?$/i.test(tokens[0]!)) {
    for (let i = 2; i < Math.min(tokens.length, 6); i++) {
      if (STREET_SUFFIXES.has(tokens[i]!.toLowerCase().replace(/\.$/, '')) && /^[A-Z]/.test(tokens[i]!)) {
        suffixAt = i
        break
      }
    }
  }
  if (suffixAt > 0) {
    const words = tokens.slice(1, suffixAt)
    const suffix = tokens[suffixAt]!
    const street = [...words, suffix].join(' ')
    const rare = !COMMON_STREET_SUFFIXES.has(suffix.toLowerCase().replace(/\.$/, ''))
    if (words.some((word) => isFakerName(word))) {
      if (rare) add(context, field, 'street', 2, `street \`${street}\`: a faker name plus one of faker's rare street suffixes`)
      else add(context, field, 'street', 1, `street \`${street}\`: a faker name plus a street suffix`)
    } else if (rare) add(context, field, 'street', 0.5, `street suffix \`${suffix}\` is one of faker's rare ones`)
  }
  // Town built the faker way: `<Name>mouth`, `<Name>ville`, `Port <Name>`.
  const from = suffixAt > 0 ? suffixAt + 1 : 0
  for (let i = from; i < tokens.length; i++) {
    const whole = tokens[i]!
    if (!/^[A-Z][A-Za-z'’-]{3,40}$/.test(whole)) continue
    // `Windler-Lubowitzworth`: faker's double surname, then the suffix.
    const token = whole.slice(whole.lastIndexOf('-') + 1)
    if (!/^[A-Z][a-z'’]{3,30}$/.test(token)) continue
    const lower = token.toLowerCase()
    const next = tokens[i + 1]
    if (CITY_PREFIXES.has(lower) && next && FIRST_NAMES.has(next.toLowerCase()) && !CITY_NAMES.has(`${lower} ${next.toLowerCase()}`)) {
      add(context, field, 'town', 1.5, `town \`${token} ${next}\` follows faker's \`<prefix> <first name>\` pattern`)
      break
    }
    if (CITY_NAMES.has(lower)) continue
    const suffix = CITY_SUFFIXES.find((candidate) => lower.endsWith(candidate) && lower.length - candidate.length >= 3)
    if (suffix && isFakerName(lower.slice(0, -suffix.length))) {
      add(context, field, 'town', COMMON_TOWN_SUFFIXES.has(suffix) ? 1 : 1.5, `town \`${whole}\` is a faker name plus \`-${suffix}\``)
      break
    }
  }
}

function checkPhone(context: Context, field: Field) {
  const value = field.value
  if (!/^[+()\d][\d\s().+-]{6,24}(?:\s?(?:x|ext\.?)\s?\d{1,6})?$/i.test(value)) return
  if (/^(?:\+?1[-.\s]?)?\(?\d{3}\)?[-.\s]\d{3}[-.]\d{4} x\d{3,5}$/.test(value)) add(context, field, 'phone-format', 1, `\`${value}\` has faker's \`x###\` extension format`)
  let digits = value.replace(/\s?(?:x|ext\.?)\s?\d+$/i, '').replace(/\D/g, '')
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1)
  if (/^(\d)\1+$/.test(digits) || '01234567890123456789'.includes(digits) || '98765432109876543210'.includes(digits)) {
    add(context, field, 'phone-fake', 1, `\`${value}\` is a sequential or repeated number`)
  } else if ((digits.length === 10 && digits.slice(3, 6) === '555' && digits.slice(6, 8) === '01') || (digits.length === 7 && digits.startsWith('55501'))) {
    add(context, field, 'phone-fake', 1, `\`${value}\` is in the 555-01xx range reserved for fiction`)
  }
}

const NAME_WORD = /^[A-Z][A-Za-z'’]{1,30}$/

function checkCompany(context: Context, field: Field) {
  const value = field.value.trim()
  const three = /^(\S{2,31}), (\S{2,31}),? and (\S{2,31})$/.exec(value)
  if (three) {
    const names = three.slice(1, 4).filter((word) => NAME_WORD.test(word!) && LAST_NAMES.has(word!.toLowerCase()))
    if (names.length === 3) add(context, field, 'company', 2.5, `\`${value}\`: faker's \`<surname>, <surname> and <surname>\` company pattern`)
    else if (names.length === 2) add(context, field, 'company', 1.5, `\`${value}\`: faker's \`X, Y and Z\` company pattern, two faker surnames`)
    return
  }
  const pair = /^([^\s\-–]{2,31}) ?[-–] ?([^\s\-–]{2,31})$/.exec(value)
  if (pair && [pair[1]!, pair[2]!].every((word) => NAME_WORD.test(word) && LAST_NAMES.has(word.toLowerCase()))) {
    add(context, field, 'company', 2, `\`${value}\`: faker's \`<surname> - <surname>\` company pattern`)
    return
  }
  const entity = /^(\S{2,31}) (Group|Inc\.?|LLC|and Sons|Ltd\.?|PLC)$/.exec(value)
  if (entity && NAME_WORD.test(entity[1]!) && LAST_NAMES.has(entity[1]!.toLowerCase())) {
    add(context, field, 'company', 1, `\`${value}\`: faker's \`<surname> ${entity[2]}\` company pattern`)
  }
}

function checkJob(context: Context, field: Field) {
  const value = field.value.trim()
  const lower = value.toLowerCase()
  const words = lower.split(/\s+/)
  if (words.length === 3 && JOB_DESCRIPTORS.has(words[0]!) && JOB_AREAS.has(words[1]!) && JOB_TYPES.has(words[2]!)) {
    // `Senior Marketing Manager` is a real title too; `Dynamic Paradigm Orchestrator` is not.
    const plausible = PLAUSIBLE_JOB.descriptor.has(words[0]!) && PLAUSIBLE_JOB.area.has(words[1]!) && PLAUSIBLE_JOB.type.has(words[2]!)
    add(context, field, 'job', plausible ? 1 : 2, `\`${value}\`: faker's \`<descriptor> <area> <type>\` job title`)
  } else if (/ OR /.test(value) && words.length <= 10) {
    add(context, field, 'job', 2, `\`${value}\`: a PHP Faker job title (\`X OR Y\`)`)
  } else if (PHP_JOB_TITLES.has(lower)) {
    add(context, field, 'job', 1.5, `\`${value}\`: a PHP Faker job title`)
  } else if (words.length >= 2 && words.length <= 7 && PHP_JOB_ENDINGS.some((ending) => lower.endsWith(' ' + ending))) {
    add(context, field, 'job', 1.5, `\`${value}\`: an industrial occupation from PHP Faker's job list, not a writer's job`)
  }
}

function checkBio(context: Context, field: Field) {
  const count = countLorem(field.value)
  if (count.lorem >= 3 && loremShare(count) >= 0.7) {
    add(context, field, 'bio-lorem', 2, `the ${field.label} is lorem ipsum (${count.lorem} lorem words)`)
    return
  }
  const text = field.value.replace(/[^\p{L}\p{N}\s,'-]/gu, '').trim()
  // Split at commas, then trim: `/\s*,\s*/` is quadratic on a long run of spaces without a comma.
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '')
  if (parts.length === 0 || parts.length > 4) return
  const fakerPart = (part: string) => {
    const lower = part.toLowerCase()
    if (BIO_PARTS.has(lower)) return 'part'
    const words = lower.split(/\s+/)
    if (words.length === 2 && BIO_SUPPORTERS.has(words[1]!)) return 'supporter'
    return undefined
  }
  const kinds = parts.map(fakerPart)
  if (kinds.every((kind) => kind !== undefined) && (parts.length >= 2 || kinds[0] === 'supporter')) {
    add(context, field, 'bio-faker', 1, `\`${field.value}\`: faker's bio pattern`)
  }
}

function checkUrl(context: Context, field: Field) {
  const value = field.value.trim()
  const social = SOCIAL_URL.exec(value)
  if (social && SOCIAL_HOSTS.has(social[1]!.toLowerCase())) {
    const handle = analyzeHandle(social[2]!)
    if (handle) checkHandle(context, field, handle, 'profile')
    return
  }
  const url = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]{2,40})\.[a-z]{2,6}(\/\S{0,200})?$/i.exec(value)
  if (!url) return
  if (LAST_NAMES.has(url[1]!.toLowerCase())) add(context, field, 'url-domain', 1, `the domain of \`${value}\` is a faker surname`)
  if (url[2]) {
    const count = countLorem(url[2].replace(/[-_/.]/g, ' '))
    if (count.lorem >= 2 && loremShare(count) >= 0.7) add(context, field, 'url-lorem', 1.5, `the path of \`${value}\` is lorem ipsum`)
  }
}

function isCount(value: string): boolean {
  return /^\d[\d,.]{0,12}[km]?$/i.test(value.trim())
}

/** How much each piece of evidence adds: the first of a key in full, repeats half, at most twice the first. */
function total(evidence: readonly Evidence[]): number {
  const byKey = new Map<string, number[]>()
  for (const item of evidence) {
    const list = byKey.get(item.key) ?? []
    list.push(item.weight)
    byKey.set(item.key, list)
  }
  let sum = 0
  for (const weights of byKey.values()) {
    weights.sort((a, b) => b - a)
    const head = weights[0]!
    let value = head
    for (const weight of weights.slice(1)) value += weight / 2
    sum += Math.min(value, head * 2)
  }
  return Math.round(sum * 10) / 10
}

const RECORD_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['username', 'birthdate', 'age', 'followers', 'following', 'posts', 'gender'])

function mentioned(outside: string, token: string): boolean {
  const lower = token.toLowerCase()
  let from = 0
  for (;;) {
    const at = outside.indexOf(lower, from)
    if (at === -1) return false
    const before = outside[at - 1]
    const after = outside[at + lower.length]
    if (!(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after))) return true
    from = at + 1
  }
}

/** Score one block: its evidence and total. `outside` is the document's other text, lower case. */
export function scoreBlock(block: Block, outside: string, now = Date.now()): {score: number; evidence: Evidence[]} {
  const context: Context = {evidence: [], surnames: new Set(), handles: []}
  // The person first, so that handles and emails can be related to the name.
  const nameField = block.fields.find((field) => field.kind === 'name' && !NAME_PART_LABELS.has(field.label) && parseName(field.value)?.first)
  if (nameField) {
    const name = parseName(nameField.value)!
    context.person = {first: name.first, last: name.last, shown: nameField.value}
  } else {
    const first = block.fields.find((field) => ['first name', 'firstname', 'given name'].includes(field.label))
    const last = block.fields.find((field) => ['last name', 'lastname', 'surname', 'family name'].includes(field.label))
    if (first && last) context.person = {first: first.value, last: last.value, shown: `${first.value} ${last.value}`}
  }
  let counts: Field | undefined
  for (const field of block.fields) {
    switch (field.kind) {
      case 'name':
        checkName(context, field)
        break
      case 'username': {
        const handle = analyzeHandle(field.value)
        if (handle) checkHandle(context, field, handle, 'username')
        break
      }
      case 'email':
        checkEmail(context, field)
        break
      case 'birthdate':
        checkBirthdate(context, field, now)
        break
      case 'age':
        checkAge(context, field)
        break
      case 'address':
        checkAddress(context, field)
        break
      case 'phone':
        checkPhone(context, field)
        break
      case 'company':
        checkCompany(context, field)
        break
      case 'job':
        checkJob(context, field)
        break
      case 'bio':
        checkBio(context, field)
        break
      case 'url':
        checkUrl(context, field)
        break
      case 'followers':
      case 'following':
      case 'posts':
        if (isCount(field.value)) {
          counts ??= field
          add(context, field, 'counts', 0.5, `follower counts (\`${field.label} : ${field.value}\`) in an author block`)
        }
        break
      default:
        break
    }
  }
  const first = block.fields[0]!
  const record = [...new Set(block.fields.map((field) => field.kind).filter((kind) => RECORD_KINDS.has(kind)))]
  if (record.length >= 2) add(context, first, 'record', 1, `fields of a user record (${record.join(', ')}), not of an author box`)
  if (context.surnames.size >= 3) {
    add(context, first, 'surnames', 1, `${context.surnames.size} unrelated faker surnames in one block (${[...context.surnames].slice(0, 5).join(', ')})`)
  }
  if (counts) {
    const tokens = [context.person?.last, context.person?.first, ...context.handles.flatMap((handle) => handle.names)]
      .filter((token): token is string => token !== undefined && token.length >= 3)
    if (tokens.length > 0 && !tokens.some((token) => mentioned(outside, fold(token)))) {
      add(context, counts, 'unnamed', 1, `the account with follower counts belongs to someone the article never names`)
    }
  }
  return {score: total(context.evidence), evidence: context.evidence}
}

export default function fakeAuthorBlock(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const lines = getLines(file)
    const blocks = findBlocks(lines, settings.minFields)
    if (blocks.length === 0) return
    const text = String(file)
    for (const block of blocks) {
      const first = lines[block.start]!
      const last = lines[block.end]!
      const outside = (text.slice(0, first.start) + '\n' + text.slice(last.end)).toLowerCase()
      const {score, evidence} = scoreBlock(block, fold(outside))
      if (score < settings.threshold) continue
      const place = removalPlace(file, first, last)
      const actual = text.slice(place.start.offset!, place.end.offset!)
      evidence.sort((a, b) => a.line - b.line)
      const note =
        `fake-data score ${score} (threshold ${settings.threshold}); evidence: ` +
        evidence.map((item) => `line ${item.line}: ${item.text} (+${item.weight})`).join('; ')
      report(
        file,
        meta,
        `Profile block of ${block.fields.length} fields (lines ${first.line}-${last.line}) filled with fake-data-generator values: template residue, not a real author; remove it`,
        {place, note, actual, expected: ['']},
      )
    }
  }
}

