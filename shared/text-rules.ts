/**
 * The rules every stored or remote string meets where it enters, once, in the shared schemas
 * (docs/hostile-input.md): no character a terminal or a text renderer acts on, and names compared
 * the way a person reads them.
 */

/**
 * The characters that may need keeping out of text, by kind: regular-expression class fragments,
 * so each place that keeps some out builds its own set from these names and says why it differs.
 * The \p{…} ones need the `u` flag.
 */
export const CHARACTER_CLASSES = {
  /** C0 controls, U+0000–U+001F: NUL, TAB, LF, CR, ESC (which starts every terminal escape sequence)… */
  c0: '\\u0000-\\u001f',
  /** DEL, U+007F. */
  delete: '\\u007f',
  /** C1 controls, U+0080–U+009F: CSI (U+009B) starts an escape sequence on its own; NEL (U+0085) ends a line for some readers. */
  c1: '\\u0080-\\u009f',
  /** LINE SEPARATOR and PARAGRAPH SEPARATOR (U+2028, U+2029, all of Zl and Zp): line breaks to JavaScript and many readers. */
  lineSeparators: '\\u2028\\u2029',
  /** Format characters (Cf): bidi embeddings, overrides and isolates, LRM, RLM, ALM, zero-width space and joiners, soft hyphen, BOM… */
  format: '\\p{Cf}',
  /** Surrogates standing alone (Cs), which no character is. */
  loneSurrogates: '\\p{Cs}',
  /** Every other default-ignorable code point: variation selectors, CGJ, Hangul fillers… */
  defaultIgnorable: '\\p{Default_Ignorable_Code_Point}',
} as const;

/** Every control character, C0, DEL and C1 (exactly \p{Cc}). */
export const CONTROLS = `${CHARACTER_CLASSES.c0}${CHARACTER_CLASSES.delete}${CHARACTER_CLASSES.c1}`;

/** The C0 controls but `kept` (the layout characters a context lets through), as a class fragment. */
export function c0ControlsExcept(...kept: string[]): string {
  let fragment = '';
  for (let unit = 0; unit <= 0x1f; unit++) {
    if (!kept.includes(String.fromCharCode(unit))) fragment += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return fragment;
}

/** A pattern matching any one character of the fragments. */
export function anyOf(fragments: readonly string[], flags = ''): RegExp {
  return new RegExp(`[${fragments.join('')}]`, flags);
}

const { lineSeparators, format, loneSurrogates, defaultIgnorable } = CHARACTER_CLASSES;

/**
 * What no stored or remote string may hold: every control, format and default-ignorable
 * character, line separators and lone surrogates. Each either drives a terminal, reorders text, or
 * is invisible, and a stored value has no use for any of them.
 */
export const UNSAFE_IN_TEXT = anyOf([CONTROLS, lineSeparators, format, loneSurrogates, defaultIgnorable], 'u');

/** The first character of `text` the app refuses, as `U+202E`, or undefined. */
export function unsafeCharacter(text: string): string | undefined {
  const found = UNSAFE_IN_TEXT.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The sentence a field refuses such a character with; `what` names the field ("The endpoint"). */
export function unsafeCharacterMessage(what: string, codePoint: string): string {
  return `${what} contains an invisible or control character (${codePoint}); retype it.`;
}

/** A zod check for `.superRefine`: refuses unsafe characters with the field's own name. */
export function refuseUnsafeCharacters(what: string) {
  return (value: string, ctx: { addIssue(issue: { code: 'custom'; message: string }): void }) => {
    const codePoint = unsafeCharacter(value);
    if (codePoint) ctx.addIssue({ code: 'custom', message: unsafeCharacterMessage(what, codePoint) });
  };
}

/**
 * Scripts a name's letters are told apart by. UTS #39 §5.2 "Moderately Restrictive": one script;
 * or Latin with Han and Japanese kana, with Han and Bopomofo, or with Han and Hangul; or Latin
 * and one other script that is neither Cyrillic nor Greek, the two whose letters copy Latin's.
 */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
  'Arabic',
  'Hebrew',
  'Thai',
  'Devanagari',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`^\\p{Script=${script}}$`, 'u')] as const);
const CJK_SETS = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

function scriptsOf(text: string): Set<string> {
  const scripts = new Set<string>();
  for (const char of text) {
    // Common and Inherited letters (the kana length mark ー, say) belong to every script.
    if (!/\p{L}/u.test(char) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(char)) continue;
    scripts.add(SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other');
  }
  return scripts;
}

/** Why a name mixes scripts confusably, or undefined when it does not. */
export function mixedScriptProblem(name: string): string | undefined {
  const scripts = scriptsOf(name.normalize('NFKC'));
  if (scripts.size <= 1) return undefined;
  if (CJK_SETS.some((set) => [...scripts].every((s) => set.includes(s)))) return undefined;
  if (scripts.size === 2 && scripts.has('Latin') && !scripts.has('Cyrillic') && !scripts.has('Greek')) return undefined;
  return `The name mixes ${[...scripts].join(' and ')} letters, which can make it look like another name; use one script.`;
}

/** Every problem a name can have beyond its length: unsafe characters, then mixed scripts. */
export function nameProblem(name: string): string | undefined {
  const codePoint = unsafeCharacter(name);
  return codePoint ? unsafeCharacterMessage('The name', codePoint) : mixedScriptProblem(name);
}

/**
 * Letters of Cyrillic and Greek drawn as a Latin letter, each pair "look-alike, Latin" (a subset of
 * UTS #39 confusables.txt): an all-Cyrillic "һаrbоr" must clash with "harbor" though it mixes no
 * scripts. Upper and lower case separately, as the shapes differ (Greek Η is H, η is n).
 */
const LOOK_ALIKES = new Map(
  [
    ...['аa', 'вb', 'еe', 'кk', 'мm', 'нh', 'оo', 'рp', 'сc', 'тt', 'уy', 'хx', 'һh', 'іi', 'јj', 'ѕs', 'ԁd', 'ԛq', 'ԝw', 'үy', 'ӏl'],
    ...['АA', 'ВB', 'ЕE', 'КK', 'МM', 'НH', 'ОO', 'РP', 'СC', 'ТT', 'ХX', 'ЅS', 'ІI', 'ЈJ', 'ҮY', 'ӀI'],
    ...['αa', 'εe', 'ιi', 'κk', 'νv', 'οo', 'ρp', 'τt', 'υu', 'χx', 'ϲc', 'ϳj', 'ηn'],
    ...['ΑA', 'ΒB', 'ΕE', 'ΖZ', 'ΗH', 'ΙI', 'ΚK', 'ΜM', 'ΝN', 'ΟO', 'ΡP', 'ΤT', 'ΥY', 'ΧX'],
  ].map((pair) => [pair[0]!, pair[1]!] as const),
);

/**
 * The key two names are compared by (unique per scope): NFKC, so compatibility forms and composed
 * or decomposed accents are one; Cyrillic and Greek look-alikes read as their Latin letter; full
 * case folding (upper then lower case: "ß" and "SS" are one); surrounding spaces ignored.
 */
export function nameKey(name: string): string {
  let latin = '';
  for (const char of name.normalize('NFKC')) latin += LOOK_ALIKES.get(char) ?? char;
  return latin.toUpperCase().toLowerCase().normalize('NFKC').trim();
}
