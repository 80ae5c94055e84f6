/**
 * The fake-data vocabulary of fake-author-block, built once per process from
 * the locale definitions of `@faker-js/faker` (English, imported, not copied)
 * and the few facts faker-js lacks (`fake-author-block.json`: field labels,
 * block headings, classic PHP Faker job titles, real street suffixes).
 */
import {faker} from '@faker-js/faker/locale/en'
import data from './fake-author-block.json' with {type: 'json'}

const raw = faker.rawDefinitions

function lowerSet(...lists: Array<readonly string[] | undefined>): Set<string> {
  const set = new Set<string>()
  for (const list of lists) for (const item of list ?? []) set.add(item.toLowerCase())
  return set
}

type Gendered = {generic?: string[]; female?: string[]; male?: string[]} | undefined
const firstNames = raw.person?.first_name as Gendered
const lastNames = raw.person?.last_name as Gendered

/** First names (lower case). */
export const FIRST_NAMES = lowerSet(firstNames?.generic, firstNames?.female, firstNames?.male)
/** Last names (lower case). */
export const LAST_NAMES = lowerSet(lastNames?.generic, lastNames?.female, lastNames?.male)
/** Name prefixes and suffixes (`Mr.`, `Dr.`, `Jr.`, `DVM`), lower case, without dots. */
export const NAME_AFFIXES = lowerSet(
  ...Object.values((raw.person?.prefix ?? {}) as Record<string, string[]>),
  raw.person?.suffix as string[] | undefined,
  ['mr', 'mrs', 'ms', 'miss', 'dr', 'prof'],
)

export const STREET_SUFFIXES = lowerSet(raw.location?.street_suffix as string[] | undefined)
export const CITY_SUFFIXES: readonly string[] = [...((raw.location?.city_suffix as string[] | undefined) ?? [])]
  .map((suffix) => suffix.toLowerCase())
  .sort((a, b) => b.length - a.length)
export const CITY_PREFIXES = lowerSet(raw.location?.city_prefix as string[] | undefined)
/** Real city names faker knows: a town that is one of them is no evidence. */
export const CITY_NAMES = lowerSet(raw.location?.city_name as string[] | undefined)

export const COMPANY_ENTITY_TYPES = lowerSet(raw.company?.legal_entity_type as string[] | undefined, ['ltd', 'plc', 'llc', 'inc', 'group', 'and sons'])

export const JOB_DESCRIPTORS = lowerSet(raw.person?.job_descriptor as string[] | undefined)
export const JOB_AREAS = lowerSet(raw.person?.job_area as string[] | undefined)
export const JOB_TYPES = lowerSet(raw.person?.job_type as string[] | undefined)
export const PHP_JOB_TITLES = lowerSet(data.phpJobTitles)
export const PHP_JOB_ENDINGS: readonly string[] = data.phpJobEndings

export const BIO_PARTS = lowerSet(raw.person?.bio_part as string[] | undefined)
export const BIO_SUPPORTERS = lowerSet(raw.person?.bio_supporter as string[] | undefined)

export const FREE_EMAIL_DOMAINS = lowerSet(raw.internet?.free_email as string[] | undefined)
export const EXAMPLE_EMAIL_DOMAINS = lowerSet(raw.internet?.example_email as string[] | undefined, ['example.com', 'example.net', 'example.org'])

export const COMMON_STREET_SUFFIXES = lowerSet(data.commonStreetSuffixes)
export const SOCIAL_HOSTS = lowerSet(data.socialHosts)
export const HEADINGS = lowerSet(data.headings)

export type FieldKind = keyof typeof data.labels

/** Label (lower case, single spaces) to the kind of field. */
export const LABELS: ReadonlyMap<string, FieldKind> = new Map(
  (Object.entries(data.labels) as Array<[FieldKind, string[]]>).flatMap(([kind, labels]) => labels.map((label) => [label, kind] as [string, FieldKind])),
)

/** Labels that name only part of a name. */
export const NAME_PART_LABELS: ReadonlySet<string> = new Set(['first name', 'firstname', 'given name', 'last name', 'lastname', 'surname', 'family name'])

/** Whether a word (any case) is one of faker's first or last names. */
export function isFakerName(word: string): boolean {
  const lower = word.toLowerCase()
  return FIRST_NAMES.has(lower) || LAST_NAMES.has(lower)
}

export const PLAUSIBLE_JOB = {
  descriptor: new Set(data.plausibleJob.descriptor),
  area: new Set(data.plausibleJob.area),
  type: new Set(data.plausibleJob.type),
}
export const COMMON_TOWN_SUFFIXES: ReadonlySet<string> = new Set(data.commonTownSuffixes)
