// A heredoc carries a stored value (a CA certificate) into a Terraform file: whatever the value
// holds, it must stay one string. Read back with a real HCL2 parser (@cdktf/hcl2json).
import { parseHcl as parse } from '../../../../fixtures/hcl-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attr, block, identifier, quote, renderHcl, str, text } from '../../../../../main/services/export/hcl';

/** The file with one attribute holding the value, and what an HCL parser reads from it. */
async function roundTrip(value: string) {
  const hcl = renderHcl([block('resource', ['t', 'n'], [attr('value', text(value))])]);
  const parsed = (await parse('export.tf', hcl)) as { resource: { t: { n: Array<Record<string, unknown>> } } };
  return { hcl, attributes: parsed.resource.t.n[0] };
}

/** The template text a heredoc holding this value must read as: every `${` and `%{` escaped, ending in a newline. */
const escaped = (value: string) =>
  value
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{')
    .replace(/\n?$/, '\n');

describe('heredoc values', () => {
  it('picks an end marker that no line of the value is, so the value cannot end the heredoc early', async () => {
    const value = 'first\nEOT\n  EOT_1  \nEOT_2\nplain = "injected"\n';
    const { hcl, attributes } = await roundTrip(value);
    expect(hcl).toContain('value = <<-EOT_3\n');
    expect(hcl).toMatch(/\n {2}EOT_3\n\}\n$/);
    expect(attributes).toEqual({ value });
  });

  it('keeps the plain marker when no line is one', async () => {
    const value = 'a line with EOT inside\nEOTX\n';
    const { hcl, attributes } = await roundTrip(value);
    expect(hcl).toBe(`resource "t" "n" {\n  value = <<-EOT\n    a line with EOT inside\n    EOTX\n  EOT\n}\n`);
    expect(attributes).toEqual({ value });
  });

  it('escapes ${ and %{ so nothing in the value is read as an interpolation or a directive', async () => {
    const value = 'x ${var.secret} y\n%{ if true }z%{ endif }\n${file("/etc/passwd")}\n';
    const { hcl, attributes } = await roundTrip(value);
    expect(hcl).toContain('    x $${var.secret} y\n    %%{ if true }z%%{ endif }\n    $${file("/etc/passwd")}\n');
    // The parser gives the template's source: an escaped `$${` is a literal, a bare `${` would be live.
    expect(attributes).toEqual({ value: escaped(value) });
    expect(String(attributes?.['value'])).not.toMatch(/(^|[^$])\$\{|(^|[^%])%\{/);
  });

  it('whatever lines the value holds, the file has exactly the one attribute and it reads back whole', async () => {
    const line = fc.oneof(
      fc.constantFrom('EOT', 'EOT_2', 'EOT_PEM', ' EOT', 'EOT_3 ', '}', 'x = 1', '${a}', '%{b}', '$${c}', 'resource "x" "y" {', '<<-EOT'),
      // Not a line of spaces only: `<<-` keeps those as written (their spaces, not the value's, are what changes).
      fc
        .string({ unit: fc.constantFrom('E', 'O', 'T', '_', '2', '$', '%', '{', '}', '"', '=', ' ', 'x'), maxLength: 8 })
        .filter((l) => l === '' || l.trim() !== ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), async (lines) => {
        // A first line without leading space, so `<<-` has no common indentation of the value's own to strip.
        const value = `start\n${lines.join('\n')}\n`;
        const { attributes } = await roundTrip(value);
        expect(attributes).toEqual({ value: escaped(value) });
      }),
      { numRuns: 150 },
    );
  });
});

describe('single-line values and names', () => {
  it('keeps a one-line value a quoted string, escaping a carriage return', () => {
    expect(text('one line')).toEqual(str('one line'));
    expect(quote('a\rb')).toBe('"a\\rb"');
  });

  it('strips every leading and trailing underscore from an identifier', () => {
    expect(identifier('__Harbor__')).toBe('harbor');
    expect(identifier('--a b--')).toBe('a_b');
  });
});
