/** A small argv parser: positionals, --flag value, --flag=value, repeatable flags, booleans. */
export interface Parsed {
  positionals: string[];
  flags: Map<string, string[]>;
  bools: Set<string>;
}

export function parseArgs(argv: string[], booleans: string[] = []): Parsed {
  const out: Parsed = { positionals: [], flags: new Map(), bools: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (booleans.includes(name)) {
        out.bools.add(name);
        continue;
      }
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      (out.flags.get(name) ?? out.flags.set(name, []).get(name)!).push(value);
    } else out.positionals.push(a);
  }
  return out;
}

export class UsageError extends Error {}

export const flag = (p: Parsed, name: string): string | undefined => p.flags.get(name)?.at(-1);
export const flags = (p: Parsed, name: string): string[] => p.flags.get(name) ?? [];
