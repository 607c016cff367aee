import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../../../main/cli/index';

async function regdesk(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

/** The option names a usage text lists in its option tables: `  --name …` or `  -u, --name …`. */
const documented = (usage: string) => new Set([...usage.matchAll(/^ {2,}(?:-[a-zA-Z], )?--([a-z][a-z0-9-]*)/gm)].map((m) => m[1]!));

describe('each regdesk command, declared once', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: its usage documents exactly the options it accepts', async (name, declared) => {
    const command = await declared.load();
    expect(command.spec.name).toBe(name);
    const listed = documented(command.spec.usage);
    for (const [option, config] of Object.entries(command.spec.options)) {
      if (option === 'help') continue;
      expect(command.spec.usage, `--${option} is accepted but not in the usage`).toMatch(new RegExp(`--${option}\\b`));
      if (config.short) expect(command.spec.usage).toContain(`-${config.short}, --${option}`);
    }
    for (const option of listed)
      expect(Object.keys(command.spec.options), `--${option} is in the usage but not accepted`).toContain(option);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: is in the top-level help, and --help prints its own usage',
    async (name, declared) => {
      const top = await regdesk('--help');
      expect(top.stdout.split(/^Commands:$/m)[1]).toMatch(new RegExp(`^ {2}${name}\\b`, 'm'));
      const own = await regdesk(name, '--help');
      expect(own).toEqual({ code: 0, stdout: (await declared.load()).spec.usage, stderr: '' });
    },
  );

  it('answers every wrong command line the same way: one line naming the command, a pointer to its help, exit 2', async () => {
    for (const { name } of COMMANDS) {
      const result = await regdesk(name, '--no-such-option');
      expect(result.code, name).toBe(2);
      expect(result.stdout, name).toBe('');
      const line = `regdesk ${name}: Unknown option '--no-such-option'[^\n]*`;
      expect(result.stderr, name).toMatch(new RegExp(`^${line}\n\nRun "regdesk ${name} --help" for the options[.]\n$`));
    }
  });
});
