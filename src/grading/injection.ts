import type { Unit } from './text.js';

/**
 * Text that speaks to a grader or a model rather than to a reader: instructions to ignore
 * instructions, to score, to advance the candidate, role-play prompts. Such units are never
 * evidence and are reported as warnings.
 */
const INJECTION = [
  /\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:previous|prior|above|earlier|all|any|your|the)\b[^.]{0,20}\b(?:instructions?|prompts?|rules?|rubric|guidelines)\b/i,
  /\b(?:grader|evaluator|reviewer|assessor|model|assistant|AI|LLM|ChatGPT|GPT)s?\b[^.]{0,40}\b(?:must|should|shall|will|please|are instructed to)\b[^.]{0,40}\b(?:score|grade|rate|mark|give|award|advance|pass|approve)\b/i,
  /\b(?:score|grade|rate|mark)\b[^.]{0,30}\b(?:every|each|all)\b[^.]{0,30}\b(?:items?|criteri(?:on|a)|categor(?:y|ies)|sections?)\b[^.]{0,30}\b(?:3|three|full|maximum|max|top|highest|10\/10|100)\b/i,
  /\b(?:give|award|assign)\b[^.]{0,30}\b(?:full|maximum|max|top|highest|perfect)\s+(?:marks|score|scores|grades?|points)\b/i,
  /\b(?:this|the) candidate\b[^.]{0,30}\b(?:must|should|shall|is required to)\s+(?:advance|be advanced|pass|be hired|be approved)\b/i,
  /\b(?:system prompt|you are (?:an? )?(?:AI|language model|grader|evaluator|assistant)|new instructions|developer mode|jailbreak)\b/i,
  /<\/?(?:system|instructions?|prompt)>|\[\[?(?:system|INST)\]?\]/i,
  /\b(?:this|the|my) (?:submission|candidate|applicant|application)\b[^.]{0,40}\b(?:has been|was|is already|is) (?:pre-?approved|approved|verified|cleared|fast-?tracked)\b/i,
  /\b(?:pre-?approved|fast-?tracked) by (?:the )?(?:hiring|recruiting|interview)\b/i,
  /\b(?:assign|give|award|set|mark)\b[^.]{0,25}\b(?:a )?(?:score|grade|mark|rating)s? of (?:3|three|full|max\w*|the (?:top|highest))\b/i,
  /\b(?:report|flag|find|mark) (?:no|zero|none of the) red[- ]flags?\b|\b(?:recommend|mark|set)\b[^.]{0,20}\b(?:advance|advancing|hire|hiring)\b[^.]{0,20}\b(?:this|the) (?:candidate|submission|applicant)\b|\brecommend (?:advance|advancing)\b/i,
];

export function findInjections(units: Unit[]): Unit[] {
  return units.filter((u) => INJECTION.some((re) => re.test(u.text)));
}
