/**
 * The rule registry: every rule scrapelint ships, in the order they run.
 * Adding a rule is one import and one entry here (plus its file, doc page and
 * tests); the README's rules table and `--list-rules` are generated from it.
 */
import type {Rule, RuleModule} from './kit/rule.js'
import * as repeatedWords from './repeated-words.js'
import * as fakeAuthorBlock from './fake-author-block.js'
import * as loremIpsum from './lorem-ipsum.js'
import * as templateLeak from './template-leak.js'
import * as gluedHeading from './glued-heading.js'
import * as citationResidue from './citation-residue.js'
import * as engagementBait from './engagement-bait.js'
import * as linkResidue from './link-residue.js'
import * as pageFurniture from './page-furniture.js'
import * as captionResidue from './caption-residue.js'
import * as separatorResidue from './separator-residue.js'
import * as tocResidue from './toc-residue.js'
import * as duplicateDocument from './duplicate-document.js'
import * as sharedBoilerplate from './shared-boilerplate.js'
import * as duplicateSentence from './duplicate-sentence.js'
import * as keywordStuffing from './keyword-stuffing.js'
import * as incompleteQuote from './incomplete-quote.js'
import * as contradiction from './contradiction.js'

function rule(module: RuleModule): Rule {
  return {meta: module.meta, plugin: module.default, corpus: module.corpus}
}

export const rules: Rule[] = [
  rule(repeatedWords),
  rule(fakeAuthorBlock),
  rule(loremIpsum),
  rule(templateLeak),
  rule(gluedHeading),
  rule(citationResidue),
  rule(engagementBait),
  rule(linkResidue),
  rule(pageFurniture),
  rule(captionResidue),
  rule(separatorResidue),
  rule(tocResidue),
  rule(duplicateDocument),
  rule(sharedBoilerplate),
  rule(duplicateSentence),
  rule(keywordStuffing),
  rule(incompleteQuote),
  rule(contradiction),
]
