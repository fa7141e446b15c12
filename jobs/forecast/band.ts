// The p10–p90 band: negative-binomial quantiles of human demand and the spread κ that puts 80 % of a backtest inside it.

export const Z90 = 1.2815515655446004;

/** Relative spread beyond Poisson noise, for forecasts made ahead of the day and within the day. */
export interface Spread {
  ahead: number;
  sameDay: number;
}

export const FALLBACK_SPREAD: Spread = { ahead: 0.1, sameDay: 0.05 };

/**
 * κ such that 80 % of the backtest's actuals `ys` fall inside the band around the forecasts `mus`.
 * Under the normal approximation an actual y is inside the band exactly when
 * κ² ≥ ((y − μ)²/z² − μ)/μ², so the calibrated κ is the 80th percentile of that bound.
 */
export function calibrateKappa(mus: number[], ys: number[]): Spread {
  if (mus.length < 50) return FALLBACK_SPREAD;
  const needed = mus.map((mu, i) => Math.sqrt(Math.max(0, ((ys[i] - mu) ** 2 / (Z90 * Z90) - mu) / (mu * mu))));
  needed.sort((a, b) => a - b);
  const kappa = Math.min(1, needed[Math.min(needed.length - 1, Math.ceil(0.8 * needed.length) - 1)]);
  return { ahead: kappa, sameDay: kappa / 2 };
}

function normalBand(mu: number, kappa: number): [number, number] {
  const sd = Math.sqrt(mu + kappa * kappa * mu * mu);
  return [Math.max(0, mu - Z90 * sd), mu + Z90 * sd];
}

/**
 * p10 and p90 of a negative binomial with mean μ and variance μ + κ²μ² (Poisson arrivals whose
 * rate is itself uncertain by κ); exact for small means, normal approximation for large ones.
 */
export function humanQuantiles(mu: number, kappa: number): [number, number] {
  if (!(mu > 0)) return [0, 0];
  if (mu > 150) return normalBand(mu, kappa);
  // Negative binomial with shape r = 1/κ² (Poisson when κ → 0), summed from zero.
  const poisson = kappa < 1e-6;
  const r = poisson ? 0 : 1 / (kappa * kappa);
  const q = poisson ? 0 : mu / (r + mu);
  let logP = poisson ? -mu : r * Math.log(r / (r + mu));
  let cdf = Math.exp(logP);
  let p10 = cdf >= 0.1 ? 0 : -1;
  let k = 0;
  while (cdf < 0.9 && k < 100_000) {
    k++;
    logP += poisson ? Math.log(mu / k) : Math.log(((k - 1 + r) / k) * q);
    cdf += Math.exp(logP);
    if (p10 < 0 && cdf >= 0.1) p10 = k;
  }
  return [Math.max(0, p10), k];
}
