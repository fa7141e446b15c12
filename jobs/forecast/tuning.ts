// The forecast's model constants and their defaults, chosen on the bank benchmark (docs/decisions/012-forecast-method.md).

export interface Tuning {
  /** Weekly decay of a past day's weight in the intraday profile. */
  profileDecay: number;
  /** Share of a weekday's own profile against the profile pooled over weekdays with the same opening hours. */
  profileOwnWeight: number;
  /** Gaussian smoothing of the profile across neighbouring intervals, in 5-minute units. */
  profileSmoothing: number;
  /** Half-life in days of a past day's weight in the level. */
  levelHalfLifeDays: number;
  /** Half-width in days of the running median that the month-turn effect is measured against. */
  turnWindowDays: number;
  /** Pseudo-days of "no effect" that shrink the month-turn effect when history shows few month turns. */
  turnRidge: number;
  /** Huber threshold, in robust standard deviations, for down-weighting holiday and outlier days. */
  huber: number;
  /** Weekly decay of a past week's weight in the weekday factors. */
  weekdayDecay: number;
  /** Share of the level's fitted slope carried into the horizon (0: flat level). */
  levelTrend: number;
  /** Half-life in hours of a morning interval's weight when the origin day's actuals rescale its afternoon. */
  intradayHalfLifeHours: number;
  /** Half-life in days of a past day's weight in the containment trend. */
  containmentHalfLifeDays: number;
  /** Daily damping of the containment slope beyond the history. */
  containmentDamping: number;
}

export const DEFAULT_TUNING: Tuning = {
  profileDecay: 0.85,
  profileOwnWeight: 0.8,
  profileSmoothing: 1.5,
  levelHalfLifeDays: 7,
  levelTrend: 0.3,
  weekdayDecay: 1,
  intradayHalfLifeHours: 2,
  turnWindowDays: 10,
  turnRidge: 2,
  huber: 1.5,
  containmentHalfLifeDays: 56,
  containmentDamping: 0.995,
};
