import { anyOf, c0ControlsExcept, CHARACTER_CLASSES as C } from '../../shared/text-rules';

/**
 * The one door every string leaving the command line goes through (docs/hostile-input.md): stored names,
 * endpoints and paths, step messages, a validated server's page title. Characters a terminal acts
 * on or that reorder or hide text are written as `\uXXXX`, visible and inert: C0 controls but the
 * newline and tab that lay out the output, ESC (so no escape sequence survives), DEL, C1 (CSI
 * U+009B included), bidi embeddings, overrides, isolates and marks, and every other format,
 * separator or default-ignorable character (docs/hostile-input.md).
 *
 * `\uXXXX` per UTF-16 unit is also what JSON and HCL strings read back as the same character, so
 * `--json` and exported files stay exact.
 */
// The stored-text set but the newline and tab, which lay out the output.
export const ACTIVE_IN_TERMINAL = anyOf(
  [c0ControlsExcept('\n', '\t'), C.delete, C.c1, C.lineSeparators, C.format, C.loneSurrogates, C.defaultIgnorable],
  'gu',
);

export function terminalText(text: string): string {
  return text.replace(ACTIVE_IN_TERMINAL, (match) => {
    let escaped = '';
    for (let i = 0; i < match.length; i++) escaped += `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return escaped;
  });
}

/** An output stream whose every write goes through terminalText. */
export function terminalOutput<T extends { write(text: string): unknown }>(stream: T): { write(text: string): unknown } {
  return { write: (text: string) => stream.write(terminalText(text)) };
}
