// The planners' spreadsheet method, the baseline of the bench: per queue and week, gap in hours ÷ one agent's hours, cheapest cohort, hired lead weeks earlier.
import { hoursOf, rampOf, survival, type Hire, type Plan } from "./model";
import { hiresOf, profilesOf } from "./solve";

/**
 * What a planner's sheet does today. Supply per queue and week is every agent's weekly hours,
 * a multi-skilled agent's split evenly over its skills (bands ignored); a gap is filled by
 * ceil(gap ÷ one agent's weekly hours) hires of the cheapest profile (cost per hour) that has the
 * queue's skill, decided `leadWeeks` before the week of the gap (or as soon as possible when that
 * is in the past), up to `maxPerWeek`, the next cheapest profile taking the rest. Earlier hires
 * count in later weeks at their ramp-scaled, attrition-reduced hours.
 */
export function spreadsheetHires(plan: Plan): Hire[] {
  const W = plan.weeks;
  const cohortOf = (id: string) => plan.cohorts.find((c) => c.id === id)!;
  const hireable = profilesOf(plan);
  const counts = hireable.map(() => new Array<number>(W).fill(0));
  const supply = plan.queues.map(() => new Array<number>(W).fill(0));
  for (const g of plan.agents) {
    const c = cohortOf(g.cohort);
    for (const s of g.skills) {
      const q = plan.queues.findIndex((x) => x.id === s);
      for (let w = 0; w < W; w++) supply[q][w] += (g.count * survival(c, w) * hoursOf(c, w)) / g.skills.length;
    }
  }
  const addHire = (p: number, d: number, n: number) => {
    const h = hireable[p];
    const c = cohortOf(h.cohort);
    counts[p][d] += n;
    for (const s of h.skills) {
      const q = plan.queues.findIndex((x) => x.id === s);
      for (let w = d + c.leadWeeks; w < W; w++) {
        const k = w - d - c.leadWeeks;
        supply[q][w] += (n * survival(c, k) * rampOf(c, k) * hoursOf(c, w)) / h.skills.length;
      }
    }
  };
  for (let w = 0; w < W; w++) {
    plan.queues.forEach((queue, q) => {
      let gap = queue.required[w].reduce((a, b) => a + b, 0) - supply[q][w];
      if (gap <= 1e-9) return;
      const profiles = hireable
        .map((h, p) => ({ h, p, c: cohortOf(h.cohort) }))
        .filter(({ h }) => h.skills.includes(queue.id))
        .sort((a, b) => a.c.costPerHour - b.c.costPerHour || a.h.skills.length - b.h.skills.length || a.p - b.p);
      for (const { h, p, c } of profiles) {
        const d = Math.max(0, w - c.leadWeeks);
        if (d + c.leadWeeks >= W) continue;
        const perAgent = (hoursOf(c, w) * (d + c.leadWeeks <= w ? rampOf(c, w - d - c.leadWeeks) : 0)) / h.skills.length;
        if (perAgent <= 0) continue;
        let n = Math.ceil(gap / perAgent - 1e-9);
        if (h.maxPerWeek !== undefined) n = Math.min(n, h.maxPerWeek - counts[p][d]);
        if (n <= 0) continue;
        addHire(p, d, n);
        gap -= n * perAgent;
        if (gap <= 1e-9) break;
      }
    });
  }
  return hiresOf(plan, hireable, counts);
}
