/**
 * Finding the secrets the app knows (stored ones, or those of one validation request) inside
 * any text, in the forms they take on the wire. Linear in the text whatever the number of
 * secrets: a store of a thousand registries is swept in one pass, not a thousand.
 */

/** Shortest base64 run worth matching: shorter ones would blank innocent text. */
const MIN_ENCODED_LENGTH = 8;
/** Secrets this short are matched only as a whole value, never inside text. */
export const MIN_SUBSTRING_SECRET = 4;
/** Every form is at least this long, so this many characters index them all. */
const KEY_LENGTH = MIN_SUBSTRING_SECRET;

export interface SecretForm {
  literal: string;
  /** A base64 run: widened to its boundary characters and padding when found. */
  encoded: boolean;
}

/**
 * The forms of a secret: itself, URL-encoded (also with `+` for spaces), and base64 (standard,
 * URL-safe and URL-encoded) at each of the three byte alignments, so that it is found inside any
 * longer encoded text, e.g. base64("user:" + secret) in a Basic header.
 */
export function secretForms(secret: string): SecretForm[] {
  const forms = new Map<string, SecretForm>();
  const add = (literal: string, encoded: boolean, min: number) => literal.length >= min && forms.set(literal, { literal, encoded });
  add(secret, false, MIN_SUBSTRING_SECRET);
  add(encodeURIComponent(secret), false, MIN_SUBSTRING_SECRET);
  add(encodeURIComponent(secret).replace(/%20/g, '+'), false, MIN_SUBSTRING_SECRET);
  // Stryker disable next-line StringLiteral: equivalent, Buffer.from reads an empty encoding name as utf8.
  const bytes = Buffer.from(secret, 'utf8');
  for (const offset of [0, 1, 2]) {
    // With `offset` bytes before it, the secret's own bytes start a new base64 group after the first one.
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = offset === 0 ? 0 : 4;
    const end = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 4;
    const core = encoded.slice(start, end);
    for (const variant of [core, core.replace(/\+/g, '-').replace(/\//g, '_'), encodeURIComponent(core)]) {
      add(variant, true, MIN_ENCODED_LENGTH);
    }
  }
  return [...forms.values()];
}

const BASE64_CHAR = /[A-Za-z0-9+/_-]/;

/** Takes in the (at most 4) characters of the boundary groups and any padding, so no fragment of the encoding is left beside the marker. */
function widen(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > start - 4 && from > 0 && BASE64_CHAR.test(text[from - 1]!)) from--;
  let to = end;
  while (to < end + 4 && to < text.length && BASE64_CHAR.test(text[to]!)) to++;
  for (;;) {
    if (text[to] === '=') to += 1;
    else if (text.startsWith('%3D', to)) to += 3;
    else break;
  }
  return [from, to];
}

export interface SecretMatcher {
  /** Where known secrets are in the text: sorted, non-overlapping [start, end) spans. */
  spans(text: string): Array<[number, number]>;
}

export function createSecretMatcher(secrets: readonly string[]): SecretMatcher {
  // Forms by their first characters, longest first, so a secret that contains another is taken whole.
  const index = new Map<string, SecretForm[]>();
  for (const form of secrets.flatMap(secretForms)) {
    const key = form.literal.slice(0, KEY_LENGTH);
    index.set(
      key,
      [...(index.get(key) ?? []), form].sort((a, b) => b.literal.length - a.literal.length),
    );
  }
  return {
    spans(text) {
      const spans: Array<[number, number]> = [];
      if (index.size === 0) return spans;
      // Stryker disable next-line ArithmeticOperator: equivalent, past the end a slice is shorter than every key and matches none.
      for (let i = 0; i + KEY_LENGTH <= text.length; i++) {
        const form = index.get(text.slice(i, i + KEY_LENGTH))?.find((f) => text.startsWith(f.literal, i));
        if (!form) continue;
        const span = form.encoded ? widen(text, i, i + form.literal.length) : ([i, i + form.literal.length] as [number, number]);
        const last = spans.at(-1);
        if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
        else spans.push(span);
        // On from the end of the form, not of its widened span: a copy encoded right after it (base64 of
        // secret + secret) starts inside those widened characters and must still be found.
        i += form.literal.length - 1;
      }
      return spans;
    },
  };
}
