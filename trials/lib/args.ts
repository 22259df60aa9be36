// Command-line flags of a trial (`--reports 200 --kills 3`), with defaults, and the violation tally.
import { parseArgs } from 'node:util';

/** Reads `--name value` flags as numbers or strings; unknown flags are an error, so typos do not pass silently. */
export function flags<T extends Record<string, string | number>>(defaults: T): T {
  const options = Object.fromEntries(Object.keys(defaults).map((k) => [k, { type: 'string' as const }]));
  const { values } = parseArgs({ args: process.argv.slice(2), options, strict: true });
  const out: Record<string, string | number> = { ...defaults };
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    out[k] = typeof defaults[k] === 'number' ? Number(v) : String(v);
    if (typeof defaults[k] === 'number' && !Number.isFinite(out[k])) throw new Error(`--${k} wants a number, got ${String(v)}`);
  }
  return out as T;
}

/** Collects violations; `finish` prints them and sets the exit code. */
export class Violations {
  readonly list: string[] = [];
  add(what: string): void {
    this.list.push(what);
    if (this.list.length <= 50) console.log(`VIOLATION ${what}`);
  }
  finish(trial: string): never {
    console.log(`${trial}: ${this.list.length === 0 ? 'no violations' : `${this.list.length} violation(s)`}`);
    process.exit(this.list.length === 0 ? 0 : 1);
  }
}
