// What every benchmark script shares: its --name N options, a seeded generator (the same
// figures on every run) and a millisecond clock finer than Date.now().

/** The number after `--name` on the command line, else `dflt`. */
export const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

/** A small linear congruential generator: numbers in [0, 1), the same sequence for the same seed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export const now = () => Number(process.hrtime.bigint()) / 1e6;
