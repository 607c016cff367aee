import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { effectiveConfig, electronBuilderSchema, readYaml, RELEASE_CONFIG, TEST_BUILD_CONFIG, type SchemaCheck } from './builder-config';

/** The schema's verdict in a form that reads well in a failure: instancePath and message. */
function describeErrors(check: SchemaCheck, config: unknown): string[] {
  return check(config).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

describe('electron-builder configuration against electron-builder’s own schema', () => {
  let check: SchemaCheck;
  beforeAll(() => {
    check = electronBuilderSchema();
  });

  it.each([RELEASE_CONFIG, TEST_BUILD_CONFIG])('%s, as written, is valid', (file) => {
    expect(describeErrors(check, readYaml(file))).toEqual([]);
  });

  it.each([RELEASE_CONFIG, TEST_BUILD_CONFIG])(
    '%s, as electron-builder merges it, is valid',
    async (file) => {
      const merged = await effectiveConfig(file);
      expect(describeErrors(check, merged)).toEqual([]);
      // electron-builder's own check (the one `electron-builder` runs before packaging) agrees.
      await expect(validateConfiguration(merged, new DebugLogger(false))).resolves.toBeUndefined();
      // electron-builder's loader and validator take seconds on a loaded two-core machine.
    },
    30_000,
  );

  describe('rejects a broken copy of the release configuration', () => {
    const broken: Array<[string, (config: Record<string, unknown>) => void, string]> = [
      ['a misspelt fuse', (c) => ((c['electronFuses'] as Record<string, unknown>)['runAsNodeX'] = false), '/electronFuses'],
      [
        'a fuse that is not a boolean',
        (c) => ((c['electronFuses'] as Record<string, unknown>)['runAsNode'] = 'off'),
        '/electronFuses/runAsNode',
      ],
      ['asar as a string', (c) => (c['asar'] = 'yes'), '/asar'],
      ['an unknown top-level option', (c) => (c['fuses'] = {}), ''],
      ['a number where a hook path is allowed', (c) => (c['electronDist'] = 42), '/electronDist'],
    ];

    it.each(broken)('%s', (_name, breakIt, path) => {
      const config = readYaml(RELEASE_CONFIG) as Record<string, unknown>;
      breakIt(config);
      const errors = check(config);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map((error) => error.instancePath)).toContain(path);
    });

    it('and so does electron-builder’s own check', async () => {
      const config = (await effectiveConfig(RELEASE_CONFIG)) as unknown as Record<string, unknown>;
      config['fuses'] = {};
      await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
    });
  });
});
