// Seeded randomness for the engine: the same seed gives the same schedule.
export type Random = () => number;

/** mulberry32: a small, fast generator with a 2^32 period, plenty for shuffles and instance generation. */
export function seededRandom(seed: number): Random {
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
