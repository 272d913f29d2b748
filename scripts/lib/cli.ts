/**
 * What every command-line script does alike: read its flags strictly, answer --help, and on wrong
 * usage print one line saying what is wrong, then the usage, and exit 2.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export interface Command {
  /** As people type it after `npm run`, e.g. `export:portfolio`. */
  name: string;
  usage: string;
}

/** Print "name: message", the usage, and give exit status 2. */
export function usageError(command: Command, message: string): number {
  process.stderr.write(`${command.name}: ${message}\n\n${command.usage}\n`);
  return 2;
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * Parse the flags; `--help` prints the usage. Returns the values, or the exit status to stop with
 * (0 after --help, 2 after wrong usage).
 */
export function parseCommand<const O extends ParseArgsOptionsConfig>(command: Command, argv: readonly string[], options: O, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals, options: { ...options, ...HELP } });
  } catch (error) {
    return { exit: usageError(command, (error as Error).message) } as const;
  }
  // the spread of a generic options object hides `help` from the type; it is always there
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${command.usage}\n`);
    return { exit: 0 } as const;
  }
  return { values: parsed.values, positionals: parsed.positionals } as const;
}

/** Exit status 2 with a message when the current folder is not the project (no content/). */
export function requireContentFolder(command: Command, root: string): number | undefined {
  return existsSync(join(root, 'content')) ? undefined : usageError(command, `there is no content/ folder in ${root}; run this from the project folder`);
}
