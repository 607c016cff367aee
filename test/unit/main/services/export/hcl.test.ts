import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { attr, blank, block, bool, comment, expr, identifier, quote, renderHcl, str, text } from '../../../../../main/services/export/hcl';

describe('HCL writer', () => {
  it('quotes strings so nothing in them is read as a template or breaks the string', () => {
    expect(quote('robot$packs')).toBe('"robot$packs"');
    expect(quote('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(quote('${var.x} %{if} $${y}')).toBe('"$${var.x} %%{if} $$${y}"');
    expect(quote('line\nnext\ttab\u0001')).toBe('"line\\nnext\\ttab\\u0001"');
  });

  it('makes snake_case identifiers that start with a letter', () => {
    expect(identifier('Harbor Packs (copy)')).toBe('harbor_packs_copy');
    expect(identifier('zot "internal"')).toBe('zot_internal');
    expect(identifier('123-ecr')).toBe('r_123_ecr');
    expect(identifier('---')).toBe('r_');
  });

  it('aligns runs of attributes and breaks runs at blank lines, comments and blocks', () => {
    const hcl = renderHcl([
      block(
        'resource',
        ['t', 'n'],
        [
          attr('a', str('x')),
          attr('longer', bool(true)),
          comment('why'),
          attr('b', expr('var.b')),
          attr('pem', text('-----BEGIN-----\nAAA\n-----END-----\n')),
          blank,
          block('inner', [], [attr('k', str('${v}'))]),
        ],
      ),
    ]);
    expect(hcl).toBe(
      [
        'resource "t" "n" {',
        '  a      = "x"',
        '  longer = true',
        '  # why',
        '  b   = var.b',
        '  pem = <<-EOT',
        '    -----BEGIN-----',
        '    AAA',
        '    -----END-----',
        '  EOT',
        '',
        '  inner {',
        '    k = "$${v}"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const terraform = spawnSync('terraform', ['fmt', '-no-color', '-'], { input: hcl, encoding: 'utf8' });
    if (terraform.status === 0) expect(terraform.stdout).toBe(hcl);
  });
});
