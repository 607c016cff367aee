import { anyOf, c0ControlsExcept, CHARACTER_CLASSES, CONTROLS } from '../../../shared/text-rules';

/**
 * Just enough of an HCL writer for the Terraform export, laid out exactly as `terraform fmt`
 * lays it out: two-space indentation, and the `=` of consecutive attributes aligned (a run of
 * attributes is broken by a blank line, a comment or a nested block; a heredoc belongs to its run).
 */

export type HclValue =
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  /** A reference or function call, written as is (`var.x`). */
  | { kind: 'expression'; text: string }
  /** A multi-line string as an indented heredoc (`<<-EOT`). */
  | { kind: 'heredoc'; value: string };

export type HclItem =
  | { kind: 'attribute'; name: string; value: HclValue }
  | { kind: 'block'; type: string; labels: string[]; body: HclItem[] }
  | { kind: 'comment'; text: string }
  | { kind: 'blank' };

export const str = (value: string): HclValue => ({ kind: 'string', value });
export const bool = (value: boolean): HclValue => ({ kind: 'bool', value });
export const expr = (text: string): HclValue => ({ kind: 'expression', text });
export const attr = (name: string, value: HclValue): HclItem => ({ kind: 'attribute', name, value });
export const block = (type: string, labels: string[], body: HclItem[]): HclItem => ({ kind: 'block', type, labels, body });
export const comment = (text: string): HclItem => ({ kind: 'comment', text });
export const blank: HclItem = { kind: 'blank' };

/** Every control but the newline that separates a heredoc's lines, and the line separators: a heredoc has no escapes. */
export const NOT_IN_HEREDOC = anyOf([
  c0ControlsExcept('\n'),
  CHARACTER_CLASSES.delete,
  CHARACTER_CLASSES.c1,
  CHARACTER_CLASSES.lineSeparators,
]);

/** The characters a quoted string escapes: its own delimiters and every control (HCL reads `\\uXXXX` back as the character). */
export const ESCAPED_IN_HCL_STRING = anyOf(['\\\\"', CONTROLS], 'gu');

/**
 * A multi-line string becomes a heredoc, which reads far better than one line of `\n` (a PEM, say).
 * Only plain lines do: a heredoc has no escapes, so text with any other control character (a
 * carriage return would end a line for HCL's scanner) stays a quoted string.
 */
export const text = (value: string): HclValue =>
  value.includes('\n') && !NOT_IN_HEREDOC.test(value) ? { kind: 'heredoc', value } : str(value);

/**
 * A heredoc ends at the first line that holds only its marker, leading spaces allowed for `<<-`
 * (HCL native syntax spec, "Template Expressions"): pick the first marker no line of the value can
 * be mistaken for, so the value can never close it early and continue as HCL.
 */
export function heredocMarker(value: string): string {
  const lines = new Set(value.split('\n').map((line) => line.trim()));
  if (!lines.has('EOT')) return 'EOT';
  for (let n = 1; ; n++) if (!lines.has(`EOT_${n}`)) return `EOT_${n}`;
}

/** A quoted HCL string: JSON-like escapes, and `${` / `%{` doubled so nothing is read as a template. */
export function quote(value: string): string {
  const escaped = value.replace(ESCAPED_IN_HCL_STRING, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escapeTemplates(escaped)}"`;
}

function escapeTemplates(value: string): string {
  // Replacer functions: in a replacement string `$$` would itself mean a single `$`.
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A valid identifier for a resource or variable label, in Terraform's snake_case style. */
export function identifier(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(slug) ? slug : `r_${slug}`;
}

function valueLines(value: HclValue, indent: string): string[] {
  switch (value.kind) {
    case 'string':
      return [quote(value.value)];
    case 'bool':
      return [String(value.value)];
    case 'expression':
      return [value.text];
    case 'heredoc': {
      const marker = heredocMarker(value.value);
      const body = value.value.replace(/\n$/, '').split('\n');
      return [`<<-${marker}`, ...body.map((line) => (line ? `${indent}  ${escapeTemplates(line)}` : '')), `${indent}${marker}`];
    }
  }
}

function renderBody(items: HclItem[], indent: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < items.length;) {
    const item = items[i]!;
    if (item.kind === 'attribute') {
      let end = i;
      while (items[end]?.kind === 'attribute') end++;
      const run = items.slice(i, end) as Array<Extract<HclItem, { kind: 'attribute' }>>;
      const width = Math.max(...run.map((a) => a.name.length));
      for (const a of run) {
        const [first, ...rest] = valueLines(a.value, indent);
        lines.push(`${indent}${a.name.padEnd(width)} = ${first}`, ...rest);
      }
      i = end;
      continue;
    }
    if (item.kind === 'block') {
      const labels = item.labels.map((l) => ` ${quote(l)}`).join('');
      lines.push(`${indent}${item.type}${labels} {`, ...renderBody(item.body, `${indent}  `), `${indent}}`);
    } else if (item.kind === 'comment') {
      lines.push(...item.text.split('\n').map((line) => `${indent}# ${line}`.trimEnd()));
    } else {
      lines.push('');
    }
    i++;
  }
  return lines;
}

/** The file's text, ending in one newline as terraform fmt leaves it. */
export function renderHcl(items: HclItem[]): string {
  return `${renderBody(items, '').join('\n')}\n`;
}
