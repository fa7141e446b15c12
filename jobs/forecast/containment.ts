// AI containment: the assistant's ramp as a volume- and recency-weighted linear trend, damped beyond the history.
import type { Tuning } from "./tuning";

/**
 * Containment (ai_resolved / offered) per day, fitted as a volume- and recency-weighted linear
 * trend — the assistant's ramp — and extrapolated with a gently damped slope, clamped to [0, 1].
 */
export function fitContainment(
  offered: Float64Array,
  aiResolved: Float64Array,
  spd: number,
  originDay: number,
  originSlots: number,
  tuning: Tuning,
): (day: number) => number {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let points = 0;
  const last = Math.min(originDay, offered.length / spd - 1);
  for (let d = 0; d <= last; d++) {
    const slots = d === originDay ? originSlots : spd;
    let off = 0;
    let ai = 0;
    for (let s = 0; s < slots; s++) {
      const o = offered[d * spd + s];
      if (Number.isNaN(o)) continue;
      off += o;
      ai += aiResolved[d * spd + s];
    }
    if (off <= 0) continue;
    const w = off * Math.pow(0.5, (originDay - d) / tuning.containmentHalfLifeDays);
    const x = d - originDay;
    const c = ai / off;
    sw += w;
    sx += w * x;
    sy += w * c;
    sxx += w * x * x;
    sxy += w * x * c;
    points++;
  }
  if (sw <= 0) return () => 0;
  const mx = sx / sw;
  const my = sy / sw;
  const vx = sxx / sw - mx * mx;
  const slope = points >= 7 && vx > 1e-9 ? (sxy / sw - mx * my) / vx : 0;
  const atOrigin = my - slope * mx;
  const phi = tuning.containmentDamping;
  return (day: number) => {
    const h = day - originDay;
    const reach = h <= 0 ? h : phi === 1 ? h : (phi * (1 - Math.pow(phi, h))) / (1 - phi);
    return Math.min(1, Math.max(0, atOrigin + slope * reach));
  };
}
