// The intraday profile: each weekday's share of the day per interval, smoothed across neighbours and pooled over weekdays with the same hours.

export function uniform(open: Uint8Array): Float64Array {
  const n = open.reduce((a, b) => a + b, 0);
  return Float64Array.from(open, (o) => (n ? o / n : 0));
}

export function normalise(p: Float64Array): Float64Array {
  const total = p.reduce((a, b) => a + b, 0);
  return total > 0 ? p.map((v) => v / total) : p;
}

/** Gaussian smoothing over open slots only, so closed hours neither receive nor dilute volume. */
export function smooth(p: Float64Array, open: Uint8Array, width: number): Float64Array {
  if (width < 0.3) return p;
  const reach = Math.ceil(3 * width);
  const kernel = Array.from({ length: 2 * reach + 1 }, (_, i) => Math.exp(-((i - reach) ** 2) / (2 * width * width)));
  const out = new Float64Array(p.length);
  for (let s = 0; s < p.length; s++) {
    if (!open[s]) continue;
    let a = 0;
    let b = 0;
    for (let k = -reach; k <= reach; k++) {
      const t = s + k;
      if (t < 0 || t >= p.length || !open[t]) continue;
      a += kernel[k + reach] * p[t];
      b += kernel[k + reach];
    }
    out[s] = a / b;
  }
  return out;
}

/** A day's observed volume and the share of its intraday profile those observed intervals cover. */
export function observedDay(y: Float64Array, d: number, spd: number, profile: Float64Array): { sum: number; cov: number } {
  let sum = 0;
  let cov = 0;
  for (let s = 0; s < spd; s++) {
    const v = y[d * spd + s];
    if (!Number.isNaN(v)) {
      sum += v;
      cov += profile[s];
    }
  }
  return { sum, cov };
}
