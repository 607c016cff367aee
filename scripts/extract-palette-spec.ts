// Extracts, from Palette's published Swagger 2 spec, the OCI registry operations and every
// definition they reach, into the fixture the Palette double validates against
// (test/fixtures/palette-spec/oci-registries.json). Only data leaves the upstream file: the
// operations' methods, parameters and responses, and the definitions, verbatim.
//
//   npx tsx scripts/extract-palette-spec.ts --git-dir DIR [--commit REV] [--out FILE]
//   npx tsx scripts/extract-palette-spec.ts --spec FILE --commit SHA [--out FILE]
//
// DIR is a clone of https://github.com/spectrocloud/palette-sdk-typescript (the spec lives at
// api/palette-apis-spec.json); the commit is written into the fixture. Run prettier on the output.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const REPOSITORY = 'https://github.com/spectrocloud/palette-sdk-typescript';
const SPEC_PATH = 'api/palette-apis-spec.json';
const PATH_PREFIX = '/v1/registries/oci';
/** Not reached from any operation (Swagger 2 here declares no error responses) but the body of every error answer. */
const ALSO = ['v1Error'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Spec {
  swagger: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Json>>;
  definitions: Record<string, Json>;
  securityDefinitions?: Json;
  consumes?: Json;
  produces?: Json;
}

function refsIn(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') into.add(v.replace(/^#\/definitions\//, ''));
      else refsIn(v, into);
    }
  }
}

export function extract(spec: Spec, source: { commit: string }): Json {
  const paths = Object.fromEntries(
    Object.entries(spec.paths)
      .filter(([path]) => path === PATH_PREFIX || path.startsWith(`${PATH_PREFIX}/`))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const wanted = new Set<string>(ALSO);
  refsIn(paths, wanted);
  // Close over the definitions the reached ones refer to, until nothing new turns up.
  for (let size = 0; size !== wanted.size;) {
    size = wanted.size;
    for (const name of [...wanted]) {
      const definition = spec.definitions[name];
      if (definition === undefined) throw new Error(`definition ${name} is referred to but missing from the spec`);
      refsIn(definition, wanted);
    }
  }
  const definitions = Object.fromEntries([...wanted].sort().map((name) => [name, spec.definitions[name]!]));
  return {
    source: { repository: REPOSITORY, path: SPEC_PATH, commit: source.commit, title: spec.info.title, swagger: spec.swagger },
    extractedBy: 'scripts/extract-palette-spec.ts',
    consumes: spec.consumes ?? null,
    produces: spec.produces ?? null,
    securityDefinitions: spec.securityDefinitions ?? null,
    paths: paths as Json,
    definitions,
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'git-dir': { type: 'string' },
      spec: { type: 'string' },
      commit: { type: 'string' },
      out: { type: 'string', default: 'test/fixtures/palette-spec/oci-registries.json' },
    },
  });
  let text: string;
  let commit: string;
  if (values['git-dir']) {
    const git = (...args: string[]) => execFileSync('git', ['-C', values['git-dir']!, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    commit = git('rev-parse', `${values.commit ?? 'HEAD'}^{commit}`).trim();
    text = git('show', `${commit}:${SPEC_PATH}`);
  } else if (values.spec && values.commit && /^[0-9a-f]{40}$/.test(values.commit)) {
    text = readFileSync(values.spec, 'utf8');
    commit = values.commit;
  } else {
    throw new Error('Give --git-dir DIR, or --spec FILE with --commit <40-hex commit of the file>.');
  }
  const fixture = extract(JSON.parse(text) as Spec, { commit });
  writeFileSync(values.out, `${JSON.stringify(fixture, null, 2)}\n`);
  process.stdout.write(`wrote ${values.out} from ${REPOSITORY} ${SPEC_PATH} @ ${commit}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
