// The intraday re-forecast: the origin day's actuals so far scale the rest of that day (gamma–Poisson posterior mean).

export interface IntradayInput {
  y: Float64Array;
  spd: number;
  originDay: number;
  /** Intervals of the origin day that are already history. */
  originSlots: number;
  /** Days the history file covers (an origin beyond it has no actuals). */
  observedDays: number;
  /** The origin day's intraday profile, or null when that day is closed. */
  profile: Float64Array | null;
  /** The model's expected total for the origin day. */
  expectedDay: number;
  /** Robust relative day-to-day spread of the level fit. */
  spread: number;
  halfLifeSlots: number;
}

/** Multiplier of the origin day's remaining intervals; 1 when there is nothing to learn from. */
export function intradayMultiplier(input: IntradayInput): number {
  const { y, spd, originDay, originSlots, profile } = input;
  if (!(originSlots > 0 && originDay < input.observedDays && profile)) return 1;
  // Recent intervals say more about the afternoon than the early morning: weight by recency.
  let seen = 0;
  let expectedShare = 0;
  for (let s = 0; s < originSlots; s++) {
    const v = y[originDay * spd + s];
    if (!Number.isNaN(v)) {
      const w = Math.pow(0.5, (originSlots - 1 - s) / input.halfLifeSlots);
      seen += w * v;
      expectedShare += w * profile[s];
    }
  }
  const expected = input.expectedDay * expectedShare;
  if (!(expectedShare > 0.02 && expected > 0)) return 1;
  // Day-to-day spread from the robust fit understates surprises, so the prior is never tighter than ±10 %.
  const prior = 1 / Math.max(input.spread, 0.1) ** 2;
  return (prior + seen) / (prior + expected);
}
