import { parseArgs, type ParseArgsConfig, type ParseArgsOptionsConfig } from 'node:util';

type CommandLineConfig = ParseArgsConfig & { args: readonly string[]; options: ParseArgsOptionsConfig };

/**
 * node:util parseArgs in strict mode (unknown options, missing values and values on booleans
 * are errors), plus one rule it leaves out: an option that is not `multiple` may be given once.
 * parseArgs would keep the last one silently, and `--data-dir A --data-dir B` picking B without
 * a word is how an import lands in the wrong store.
 */
export function parseCommandLine<const T extends CommandLineConfig>(config: T): ReturnType<typeof parseArgs<T>> | { error: string } {
  let parsed: ReturnType<typeof parseArgs<T>>;
  let tokens;
  try {
    parsed = parseArgs(config);
    ({ tokens } = parseArgs({ ...config, strict: true, tokens: true }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  const seen = new Set<string>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || config.options[token.name]?.multiple) continue;
    if (seen.has(token.name)) return { error: `--${token.name} is given more than once; give it once` };
    seen.add(token.name);
  }
  return parsed;
}
