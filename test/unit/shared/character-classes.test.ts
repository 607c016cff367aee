import { describe, expect, it } from 'vitest';
import { ACTIVE_IN_TERMINAL } from '../../../main/cli/terminal-text';
import { BREAKS_A_LOG_LINE } from '../../../main/ipc/handle';
import { REFUSED_IN_EXTERNAL_URL } from '../../../main/security';
import { ESCAPED_IN_HCL_STRING, NOT_IN_HEREDOC } from '../../../main/services/export/hcl';
import { NOT_IN_TOKEN } from '../../../shared/model/publish';
import { UNSAFE_IN_TEXT } from '../../../shared/text-rules';

/* eslint-disable no-control-regex -- the reference literals are control-character classes */
/** Each context's pattern as it was written before it was built from the named classes. */
const CONTEXTS = [
  ['stored text', UNSAFE_IN_TEXT, /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/u],
  ['terminal', ACTIVE_IN_TERMINAL, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu],
  ['external URL', REFUSED_IN_EXTERNAL_URL, /[\\\s\u0000-\u001f\u007f]/],
  ['log line', BREAKS_A_LOG_LINE, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g],
  ['HCL heredoc', NOT_IN_HEREDOC, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/],
  ['HCL quoted string', ESCAPED_IN_HCL_STRING, /[\\"\p{Cc}]/gu],
  ['Palette token', NOT_IN_TOKEN, /[\s\p{Cc}]/u],
] as const;
/* eslint-enable no-control-regex */

const codeUnits = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

/** All of U+0000–U+00A0, the line separators, white space beyond ASCII, format and default-ignorable characters, surrogates. */
const SAMPLES = [
  ...codeUnits(0x0000, 0x00a0),
  ...['\u2028', '\u2029', '\u1680', '\u2000', '\u200a', '\u202f', '\u205f', '\u3000'],
  ...['\u00ad', '\u034f', '\u061c', '\u115f', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u202a', '\u202e', '\u2066', '\u2069'],
  ...['\u2060', '\u3164', '\ufe0f', '\ufeff', '\ufff9', '\u{e0001}', '\u{1d173}'],
  ...['\ud800', '\udbff', '\udc00', '\udfff', '\u{1f600}', 'é', 'ß', 'ー', 'a'],
];

const verdict = (pattern: RegExp, text: string) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text);
const name = (sample: string) => [...sample].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

describe('each context keeps out the characters it always did, now built from the named classes', () => {
  it.each(CONTEXTS)('%s', (_, built, reference) => {
    expect(built.flags).toBe(reference.flags);
    for (const sample of SAMPLES) {
      for (const text of [sample, `a${sample}b`])
        expect(verdict(built, text), `${name(sample)} in ${JSON.stringify(text)}`).toBe(verdict(reference, text));
    }
  });

  it('replaces what it replaced: the terminal and log-line patterns across a string of every sample', () => {
    const all = SAMPLES.join('');
    expect(all.replace(ACTIVE_IN_TERMINAL, '?')).toBe(all.replace(CONTEXTS[1][2], '?'));
    expect(all.replace(BREAKS_A_LOG_LINE, '?')).toBe(all.replace(CONTEXTS[3][2], '?'));
    expect(all.replace(ESCAPED_IN_HCL_STRING, '?')).toBe(all.replace(CONTEXTS[5][2], '?'));
  });
});
