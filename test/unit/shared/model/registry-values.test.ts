// What is validated is what is saved, exported and published. The endpoint and
// base path are normalised once, where they enter, by the functions the engine reads them with.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveRepository } from '../../../../main/services/validation/oci/pack-discovery';
import { DraftFileSchema, DRAFT_FILE_FORMAT } from '../../../../shared/model/draft-file';
import { incompleteForPalette } from '../../../../shared/model/palette-rules';
import { RegistryDraftSchema } from '../../../../shared/model/registry-draft';
import { normalizeBaseContentPath, normalizeEndpoint, sentAs } from '../../../../shared/model/registry-values';
import { parseEndpoint } from '../../../../shared/endpoint';
import { openTestServices, type TestServices } from '../../../fixtures/storage-services';
import { createTempDir, type TempDir } from '../../../fixtures/temp-dir';

describe('normalizeEndpoint', () => {
  it.each([
    ['https://harbor.example.test:5000/v2/', 'https://harbor.example.test:5000'],
    ['HTTPS://Harbor.Example.Test/v2', 'https://harbor.example.test'],
    ['harbor.example.test', 'https://harbor.example.test'],
    ['https://harbor.example.test:443/', 'https://harbor.example.test'],
    ['http://127.0.0.1:5000//', 'http://127.0.0.1:5000'],
    ['https://jfrog.example.test/artifactory/api/docker/packs/v2/', 'https://jfrog.example.test/artifactory/api/docker/packs'],
    ['[::1]:5000', 'https://[::1]:5000'],
  ])('Basic: %s is sent as %s', (raw, sent) => {
    expect(normalizeEndpoint(raw, 'basic')).toBe(sent);
  });

  it.each([
    ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com/', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
  ])('ECR: %s is sent as %s, without https://', (raw, sent) => {
    expect(normalizeEndpoint(raw, 'ecr')).toBe(sent);
  });

  it('reaches the same API as the text it came from, and is its own normal form', () => {
    for (const raw of ['https://h.example.test:5000/v2/', 'h.example.test/prefix/v2', '10.0.0.1:8443/']) {
      const sent = normalizeEndpoint(raw, 'basic');
      expect(parseEndpoint(sent)).toEqual(parseEndpoint(raw));
      expect(normalizeEndpoint(sent, 'basic')).toBe(sent);
    }
  });

  it('ECR: takes off only a leading https://, never one further in', () => {
    expect(normalizeEndpoint('http://1.dkr.ecr.us-east-1.amazonaws.com/https://x', 'ecr')).toBe(
      'http://1.dkr.ecr.us-east-1.amazonaws.com/https://x',
    );
  });

  it('leaves text the parser refuses as typed, for the schema to report', () => {
    expect(normalizeEndpoint('  ftp://h.example.test ', 'basic')).toBe('ftp://h.example.test');
  });
});

describe('normalizeBaseContentPath', () => {
  it.each([
    ['/acme/', 'acme'],
    ['  //acme/packs// ', 'acme/packs'],
    ['acme', 'acme'],
    ['/', ''],
  ])('%s is sent as %s', (raw, sent) => {
    expect(normalizeBaseContentPath(raw)).toBe(sent);
  });

  it('is the path the validation engine looks for packs under', () => {
    expect(archiveRepository('/acme/')).toBe(`${normalizeBaseContentPath('/acme/')}/spectro-packs/archive`);
  });

  it('makes a path of slashes alone incomplete for Palette, as an empty one is', () => {
    expect(incompleteForPalette({ baseContentPath: '/' })).toHaveLength(1);
  });
});

describe('sentAs', () => {
  it('names the sent value only when it differs from what was typed', () => {
    expect(sentAs(' https://h.example.test/v2/ ', 'https://h.example.test')).toBe('https://h.example.test');
    expect(sentAs('https://h.example.test', 'https://h.example.test')).toBeUndefined();
    expect(sentAs('', '')).toBeUndefined();
  });

  it('says nothing about spaces around the text alone, which are always dropped', () => {
    expect(sentAs('  https://h.example.test  ', 'https://h.example.test')).toBeUndefined();
    expect(sentAs(' acme ', normalizeBaseContentPath(' acme '))).toBeUndefined();
  });

  it('says nothing while the value normalises to nothing (not valid yet), such as a path of slashes', () => {
    for (const raw of ['/', ' // ']) expect(sentAs(raw, normalizeBaseContentPath(raw))).toBeUndefined();
    expect(sentAs('/acme/', normalizeBaseContentPath('/acme/'))).toBe('acme');
  });

  it('has nothing to say about blank text: both normalisers make nothing of it', () => {
    for (const raw of ['', '   ']) {
      expect(normalizeEndpoint(raw, 'basic')).toBe('');
      expect(normalizeEndpoint(raw, 'ecr')).toBe('');
      expect(normalizeBaseContentPath(raw)).toBe('');
      expect(sentAs(raw, normalizeEndpoint(raw, 'basic'))).toBeUndefined();
    }
  });
});

const basic = {
  type: 'basic',
  name: 'harbor',
  scope: 'system',
  endpoint: 'https://harbor.example.test:5000/v2/',
  baseContentPath: '/acme/',
  username: 'robot',
};

describe('where values enter', () => {
  it('a draft (the window, IPC) is stored as it will be sent', () => {
    expect(RegistryDraftSchema.parse(basic)).toMatchObject({ endpoint: 'https://harbor.example.test:5000', baseContentPath: 'acme' });
    expect(
      RegistryDraftSchema.parse({ type: 'ecr', name: 'e', scope: 'tenant', endpoint: 'https://1.dkr.ecr.x/', isPrivate: false }),
    ).toMatchObject({ endpoint: '1.dkr.ecr.x' });
  });

  it('a draft file (import, `regdesk import` and `regdesk validate --file`) too', () => {
    const file = DraftFileSchema.parse({ format: DRAFT_FILE_FORMAT, version: 1, registries: [basic] });
    expect(file.registries[0]).toMatchObject({ endpoint: 'https://harbor.example.test:5000', baseContentPath: 'acme' });
  });

  it('still refuses what the endpoint parser refuses', () => {
    expect(RegistryDraftSchema.safeParse({ ...basic, endpoint: 'ftp://harbor.example.test' }).success).toBe(false);
  });
});

describe('exports of a record stored before values were normalised', () => {
  let temp: TempDir;
  let env: TestServices;
  beforeEach(async () => {
    temp = await createTempDir('registry-values');
    env = openTestServices(temp.path);
  });
  afterEach(async () => {
    env.close();
    await temp.cleanup();
  });

  it('carry the values the validation checked, in the Palette and the Terraform format', async () => {
    // The services take a parsed draft; handing them raw values stands for a record written by an older version.
    const { record } = await env.services.registries.create({
      ...basic,
      type: 'basic',
      scope: 'system',
      tls: { insecureSkipVerify: false },
    });
    const ecr = await env.services.registries.create({
      type: 'ecr',
      name: 'ecr',
      scope: 'tenant',
      endpoint: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/',
      baseContentPath: '//production/',
      isPrivate: false,
      tls: { insecureSkipVerify: false },
    });
    const palette = (await env.services.exports.render({ ids: [record.id, ecr.record.id], format: 'palette', includeSecrets: false }))
      .files[0]!.content;
    expect(palette).toContain('"endpoint": "https://harbor.example.test:5000"');
    expect(palette).toContain('"baseContentPath": "acme"');
    expect(palette).toContain('"endpoint": "123456789012.dkr.ecr.us-east-1.amazonaws.com"');
    expect(palette).toContain('"baseContentPath": "production"');
    expect(palette).not.toMatch(/\/v2|"\/acme|acme\/"/);
    const terraform = (await env.services.exports.render({ ids: [record.id], format: 'terraform', includeSecrets: false })).files[0]!
      .content;
    expect(terraform).toMatch(/endpoint\s+= "https:\/\/harbor\.example\.test:5000"/);
    expect(terraform).toMatch(/base_content_path\s+= "acme"/);
  });
});
