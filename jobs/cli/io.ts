// Shared shell plumbing for the `wfm` commands: argument parsing, input errors (exit 2), atomic writes.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { existsSync, readFileSync, renameSync, writeFileSync, unlinkSync } from "node:fs";
import { dirname, basename, join } from "node:path";

import { InputError } from "../input-error";

/** Bad input is the engine's InputError: printed as one line on stderr, exit code 2, nothing written. */
export { InputError };

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parses `argv` strictly; unknown flags and missing values become an InputError carrying the usage line. */
export function parseOptions<T extends OptionSpec>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InputError(`${reason}\nusage: ${usage}`);
  }
}

/** Parses a finite number from a flag value, naming the flag when it is not one. */
export function numberOption(name: string, raw: string | undefined, opts: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) throw new InputError(`--${name}: "${raw}" is not a number`);
  if (opts.integer && !Number.isInteger(value)) throw new InputError(`--${name}: ${raw} is not a whole number`);
  if (opts.min !== undefined && value < opts.min) throw new InputError(`--${name}: ${raw} is below ${opts.min}`);
  if (opts.max !== undefined && value > opts.max) throw new InputError(`--${name}: ${raw} is above ${opts.max}`);
  return value;
}

export function requireOption<V>(name: string, value: V | undefined, usage: string): V {
  if (value === undefined) throw new InputError(`--${name} is required\nusage: ${usage}`);
  return value;
}

export function readInputFile(path: string): string {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * Reads a JSON input file and hands it to the engine's parser: unreadable files, bad JSON and the parser's
 * field errors (those `isFieldError` recognises) all become one InputError that starts with the path.
 */
export function readJsonInput<T>(path: string, parse: (json: unknown) => T, isFieldError: (error: unknown) => boolean): T {
  const text = readInputFile(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message.split("\n")[0]})`);
  }
  try {
    return parse(json);
  } catch (error) {
    if (isFieldError(error)) throw new InputError(`${path}: ${(error as Error).message}`);
    throw error;
  }
}

/** Writes through a temporary file in the same folder and renames, so a reader never sees half a file. */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new InputError(`${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Full help text printed by `--help`. */
  help: string;
  run(argv: string[]): Promise<void> | void;
}
