// Managers' adjustments applied to a base forecast interval: containment, volume factor and AHT overrides.

export type BaseInterval = {
  intervalStart: Date;
  offered: number;
  aiResolved: number;
  human: number;
  humanP10: number;
  humanP90: number;
  ahtSeconds: number;
};

export type AdjustmentRule = {
  id: string;
  from: Date;
  to: Date;
  containment: number | null;
  volumeFactor: number | null;
  ahtSeconds: number | null;
  createdAt: Date;
};

export type EffectiveInterval = BaseInterval & { adjustedBy: string[] };

/**
 * Applies every rule covering the interval. Where rules overlap on one field the newest wins;
 * fields of different rules combine (a volume factor from one, containment from another).
 * The band is scaled with human demand so its width stays proportional.
 */
export function applyAdjustments(base: BaseInterval, rules: readonly AdjustmentRule[]): EffectiveInterval {
  const at = base.intervalStart.getTime();
  const covering = rules.filter((r) => r.from.getTime() <= at && at < r.to.getTime()).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (covering.length === 0) return { ...base, adjustedBy: [] };
  let volumeFactor = 1;
  let containment: number | null = null;
  let ahtSeconds = base.ahtSeconds;
  for (const rule of covering) {
    if (rule.volumeFactor !== null) volumeFactor = rule.volumeFactor;
    if (rule.containment !== null) containment = rule.containment;
    if (rule.ahtSeconds !== null) ahtSeconds = rule.ahtSeconds;
  }
  const offered = base.offered * volumeFactor;
  const baseContainment = base.offered > 0 ? base.aiResolved / base.offered : 0;
  const aiResolved = offered * (containment ?? baseContainment);
  const human = offered - aiResolved;
  const scale = base.human > 0 ? human / base.human : 0;
  return {
    intervalStart: base.intervalStart,
    offered,
    aiResolved,
    human,
    humanP10: base.human > 0 ? base.humanP10 * scale : human,
    humanP90: base.human > 0 ? base.humanP90 * scale : human,
    ahtSeconds,
    adjustedBy: covering.map((r) => r.id),
  };
}

/** Demand to staff for: the mean at p50, the band's upper edge at p90, interpolated between. */
export function staffingDemand(interval: Pick<BaseInterval, "human" | "humanP90">, quantile: number): number {
  if (quantile <= 0.5) return interval.human;
  const share = Math.min(1, (quantile - 0.5) / 0.4);
  return interval.human + (interval.humanP90 - interval.human) * share;
}
