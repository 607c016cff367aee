// Control, bidi, format and look-alike characters, and endpoints validation
// refuses, are refused where they enter (every shared schema), with the field named.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_FILE_FORMAT } from '../../../../shared/model/draft-file';
import { emptyRegistryForm, RegistryFormSchema } from '../../../../shared/model/registry-form';
import { RegistryDraftSchema } from '../../../../shared/model/registry-draft';
import { nameKey } from '../../../../shared/text-rules';
import { parseDraftFile } from '../../../../main/services/export/parse-draft-file';
import { failureOf, openTestServices, type TestServices } from '../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../fixtures/temp-dir';

/** What a terminal or a renderer acts on, or does not show: C0, ESC, DEL, C1, bidi, format, separators, ignorables. */
const HOSTILE = [
  ...['\u0000', '\u0007', '\u0008', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b'],
  ...['\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'],
  ...['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u2028', '\u2029', '\u034f', '\ufe0f', '\u3164', '\u180e'],
];
const hostileChar = fc.constantFrom(...HOSTILE);
/** `base` with a hostile character somewhere inside (not at an end, where trimming would remove whitespace). */
const spiked = (base: string) =>
  fc.tuple(hostileChar, fc.integer({ min: 1, max: base.length - 1 })).map(([c, at]) => base.slice(0, at) + c + base.slice(at));

const basic = {
  type: 'basic',
  name: 'harbor-prod',
  scope: 'system',
  endpoint: 'https://harbor.example.test',
  baseContentPath: 'packs',
  username: 'robot',
};
const sts = { method: 'sts', roleArn: 'arn:aws:iam::123456789012:role/palette', externalId: 'tenant-ext-id' };
const ecr = {
  type: 'ecr',
  name: 'ecr',
  scope: 'tenant',
  endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
  isPrivate: true,
  awsAuth: sts,
};

const FIELDS: Array<[string, (value: string) => unknown, string]> = [
  ['name', (name) => ({ ...basic, name }), basic.name],
  ['endpoint', (endpoint) => ({ ...basic, endpoint }), basic.endpoint],
  ['baseContentPath', (baseContentPath) => ({ ...basic, baseContentPath }), basic.baseContentPath],
  ['username', (username) => ({ ...basic, username }), basic.username],
  ['awsAuth.roleArn', (roleArn) => ({ ...ecr, awsAuth: { ...sts, roleArn } }), sts.roleArn],
  ['awsAuth.externalId', (externalId) => ({ ...ecr, awsAuth: { ...sts, externalId } }), sts.externalId],
  ['awsAuth.accessKeyId', (accessKeyId) => ({ ...ecr, awsAuth: { method: 'credentials', accessKeyId } }), 'AKIAIOSFODNN7EXAMPLE'],
];

describe('drafts, the form and draft files refuse control, bidi and format characters, naming the field', () => {
  it.each(FIELDS)('%s', (field, draftWith, base) => {
    fc.assert(
      fc.property(spiked(base), (value) => {
        const result = RegistryDraftSchema.safeParse(draftWith(value));
        expect(result.success).toBe(false);
        expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field);
        const file = parseDraftFile(JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [draftWith(value)] }));
        expect(file.errors.map((e) => e.path)).toContain(`registries.0.${field}`);
      }),
    );
  });

  it('accepts no string holding such a character, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (text) => {
        for (const [field, draftWith] of FIELDS) {
          const result = RegistryDraftSchema.safeParse(draftWith(`a${text}b`));
          if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/u.test(text))
            expect([field, result.success]).toEqual([field, false]);
        }
      }),
    );
  });

  it('the form refuses them too, so the window never holds them', () => {
    const form = { ...emptyRegistryForm(), name: 'harbor\u202eprod', endpoint: 'harbor.example\u001b[2J', username: 'a\u200bb' };
    const paths = RegistryFormSchema.safeParse(form).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'endpoint', 'username']));
  });
});

describe('names compare as a person reads them', () => {
  it.each([
    ['zero-width space', 'harbor-prod\u200b'],
    ['soft hyphen', 'harbor\u00ad-prod'],
    ['a Cyrillic letter among Latin ones', 'h\u0430rbor-prod'],
    ['a Greek letter among Latin ones', 'harb\u03bfr-prod'],
  ])('refuses a name with a %s', (_what, name) => {
    expect(RegistryDraftSchema.safeParse({ ...basic, name }).error?.issues[0]?.path).toEqual(['name']);
  });

  it.each([
    ['an NFD accent', 'caf\u00e9', 'cafe\u0301'],
    ['case', 'Harbor-Prod', 'harbor-prod'],
    ['full case folding', 'STRASSE', 'stra\u00dfe'],
    ['fullwidth letters', 'harbor', '\uff48\uff41\uff52\uff42\uff4f\uff52'],
    ['an all-Cyrillic look-alike', 'pepsi', '\u0440\u0435\u0440\u0455\u0456'],
    ['an all-Cyrillic spelling of "cop"', 'cop', '\u0441\u043e\u0440'],
    ['an all-Greek spelling of "TOP"', 'TOP', '\u03a4\u039f\u03a1'],
  ])('"%s": one name', (_what, a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('keeps names apart that differ to the eye', () => {
    expect(nameKey('harbor-prod')).not.toBe(nameKey('harbor-prd'));
    expect(nameKey('\u0445\u0430\u0440\u0431\u043e\u0440')).not.toBe(nameKey('harbor'));
    // Accepted scripts on their own and in UTS #39's allowed mixes.
    for (const name of ['Харбор', 'ハーバー本番', 'harbor 本番', 'harbor-中央', 'Ἁρμονία'])
      expect(RegistryDraftSchema.safeParse({ ...basic, name }).success).toBe(true);
  });
});

describe('look-alike names clash in the store and at import', () => {
  let temp: TempDir;
  let env: TestServices;
  beforeEach(async () => {
    temp = await createTempDir('hostile-names');
    env = openTestServices(temp.path);
    await env.services.registries.create({ ...basic, name: 'caf\u00e9', tls: { insecureSkipVerify: false } } as never);
    await env.services.registries.create({ ...basic, name: 'cop', tls: { insecureSkipVerify: false } } as never);
  });
  afterEach(async () => {
    env.close();
    await temp.cleanup();
  });

  it('the store refuses a second "café" spelled with a combining accent, or "cop" in Cyrillic', async () => {
    for (const name of ['cafe\u0301', '\u0441\u043e\u0440', 'CAFÉ']) {
      const failure = await failureOf(() =>
        env.services.registries.create({ ...basic, name, tls: { insecureSkipVerify: false } } as never),
      );
      expect(failure.code).toMatch(/NAME|CONFLICT|EXISTS/);
    }
  });

  it('import flags them as conflicts, and two of them in one file as an error', () => {
    const file = (registries: unknown[]) => JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries });
    const preview = env.services.imports.preview(
      file([
        { ...basic, name: 'cafe\u0301' },
        { ...basic, name: '\u0441\u043e\u0440' },
      ]),
    );
    expect(preview.conflicts.map((c) => c.index)).toEqual([0, 1]);
    const twice = parseDraftFile(
      file([
        { ...basic, name: 'cop' },
        { ...basic, name: '\u0421\u041e\u0420' },
      ]),
    );
    expect(twice.errors).toEqual([expect.objectContaining({ path: 'registries.1.name' })]);
  });
});

describe('endpoints at import are judged by the parser validation uses', () => {
  it.each([
    ['credentials in the endpoint', 'https://user:password@harbor.example.test', /credentials/],
    ['another scheme', 'ftp://x y z', /space|ftp/],
    ['a scheme alone', 'ftp://harbor.example.test', /"ftp:\/\/" is not a registry address/],
    ['whitespace inside', 'harbor .example.test', /space/],
    ['a query', 'https://harbor.example.test/?a=b', /query/],
    ['an escape sequence', 'harbor.example.test\u001b]0;x\u0007', /control character/],
  ])('refuses %s, naming the field', (_what, endpoint, message) => {
    const file = parseDraftFile(JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, registries: [{ ...basic, endpoint }] }));
    expect(file.errors).toEqual([expect.objectContaining({ path: 'registries.0.endpoint', message: expect.stringMatching(message) })]);
  });
});
