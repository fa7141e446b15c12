// Capacity charts: required hours as a line over supply stacked by cohort, short weeks shaded; and scenarios' cost beside hours short.
const COHORT_COLOURS: Record<string, string> = { student: "#4f46e5", rural: "#0d9488", "loyal-customer": "#d97706" };
export const COHORT_NAMES: Record<string, string> = { student: "Students", rural: "Rural residents", "loyal-customer": "Loyal customers" };

export type CapacityChartWeek = { label: string; required: number; short: number; supply: Record<string, number> };

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

export function CapacityChart({
  weeks,
  title,
  estimated = false,
  height = 280,
}: {
  weeks: CapacityChartWeek[];
  title: string;
  /** Supply by cohort estimated (runs stored before the engine reported hours per cohort). */
  estimated?: boolean;
  height?: number;
}) {
  const width = 760;
  const pad = { top: 16, right: 128, bottom: 40, left: 52 };
  const cohorts = Object.keys(COHORT_COLOURS);
  const max =
    Math.max(
      1,
      ...weeks.map((w) =>
        Math.max(
          w.required,
          cohorts.reduce((s, c) => s + (w.supply[c] ?? 0), 0),
        ),
      ),
    ) * 1.08;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const band = plotW / Math.max(1, weeks.length);
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const line = weeks.map((w, i) => `${i === 0 ? "M" : "L"}${pad.left + band * (i + 0.5)},${y(w.required)}`).join(" ");
  const last = weeks[weeks.length - 1];
  // Direct labels at the right end: each cohort beside its own stack (or, when it gives nothing in the last week,
  // at the bottom of the list), "Required" beside the line.
  const present = cohorts.filter((c) => weeks.some((w) => (w.supply[c] ?? 0) > 0.5));
  let acc = 0;
  const labels = last
    ? present.map((c) => {
        const v = last.supply[c] ?? 0;
        const mid = acc + v / 2;
        acc += v;
        return { text: COHORT_NAMES[c], colour: COHORT_COLOURS[c], y: v > 0.5 ? y(mid) : y(0) - 4, v };
      })
    : [];
  if (last) labels.push({ text: "Required", colour: "#0f172a", y: y(last.required), v: last.required });
  // Labels never overlap: sorted top to bottom, each at least a line below the one above.
  labels.sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) labels[i].y = Math.max(labels[i].y, labels[i - 1].y + 15);
  const overflow = labels.length ? labels[labels.length - 1].y - (pad.top + plotH) : 0;
  if (overflow > 0) for (const l of labels) l.y -= overflow;
  const shortWeeks = weeks.filter((w) => w.short > 0.5).length;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="capacity-chart-title capacity-chart-desc" className="w-full">
        <title id="capacity-chart-title">{title}</title>
        <desc id="capacity-chart-desc">
          {`Agent hours per week: required as a line, supply stacked by cohort. ${shortWeeks} of ${weeks.length} weeks are short (shaded).`}
        </desc>
        {weeks.map((w, i) => (w.short > 0.5 ? <rect key={`s${i}`} x={pad.left + band * i} y={pad.top} width={band} height={plotH} fill="#fee2e2" /> : null))}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={pad.left + plotW} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#475569">
              {fmt(t)}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          let base = 0;
          return (
            <g key={i}>
              {cohorts.map((c) => {
                const v = w.supply[c] ?? 0;
                if (v <= 0) return null;
                const top = y(base + v);
                const rect = (
                  <rect
                    key={c}
                    x={pad.left + band * i + band * 0.15}
                    width={band * 0.7}
                    y={top}
                    height={y(base) - top}
                    fill={COHORT_COLOURS[c]}
                    opacity={0.85}
                  />
                );
                base += v;
                return rect;
              })}
              {i % 4 === 0 ? (
                <text x={pad.left + band * (i + 0.5)} y={height - 22} textAnchor="middle" fontSize="12" fill="#475569">
                  {w.label}
                </text>
              ) : null}
            </g>
          );
        })}
        <path d={line} fill="none" stroke="#0f172a" strokeWidth={2.5} />
        {labels.map((l) => (
          <text key={l.text} x={pad.left + plotW + 8} y={l.y + 4} fontSize="13" fill={l.colour} fontWeight="600">
            {l.text}
          </text>
        ))}
        <text x={pad.left} y={height - 4} fontSize="12" fill="#475569">
          Agent hours per week, by week (Monday) · shaded weeks are short
        </text>
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">
        {estimated
          ? "Supply is the hours covered, shared between cohorts by the hours each can give in the band shown (an estimate: this plan was stored before the split per cohort was kept)."
          : "Supply is the hours each cohort covers in the plan's best split: today's agents, the pipeline's expected starts and new hires."}
      </figcaption>
    </figure>
  );
}

export type CompareBar = { name: string; hireCost: number; labourCost: number; shortfallCost: number; shortfallHours: number };

/** Each scenario's cost (hiring, pay of new agents, cost of hours short) as one stacked bar, hours short written beside it. */
export function CompareChart({ rows }: { rows: CompareBar[] }) {
  const width = 640;
  const rowH = 40;
  const left = 170;
  const right = 190;
  const height = rows.length * rowH + 30;
  const max = Math.max(1, ...rows.map((r) => r.hireCost + r.labourCost + r.shortfallCost));
  const x = (v: number) => (v / max) * (width - left - right);
  const parts = [
    { key: "hireCost", label: "Hiring", colour: "#6366f1" },
    { key: "labourCost", label: "New agents’ pay", colour: "#14b8a6" },
    { key: "shortfallCost", label: "Hours short", colour: "#e11d48" },
  ] as const;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Cost of each scenario: hiring, pay of new agents and the cost of hours short, with hours short beside each bar"
      className="w-full"
    >
      {parts.map((p, i) => (
        <g key={p.key}>
          <rect x={left + i * 140} y={4} width={12} height={12} fill={p.colour} />
          <text x={left + i * 140 + 18} y={15} fontSize="13" fill="#334155">
            {p.label}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        let at = left;
        const top = 28 + i * rowH;
        return (
          <g key={r.name}>
            <text x={left - 8} y={top + 20} textAnchor="end" fontSize="13" fill="#0f172a" fontWeight="600">
              {r.name.length > 17 ? `${r.name.slice(0, 16)}…` : r.name}
            </text>
            {parts.map((p) => {
              const w = x(r[p.key]);
              const rect = <rect key={p.key} x={at} y={top + 4} width={Math.max(0, w)} height={22} fill={p.colour} />;
              at += w;
              return rect;
            })}
            <text x={at + 8} y={top + 20} fontSize="13" fill="#0f172a">
              {`€${fmt(r.hireCost + r.labourCost + r.shortfallCost)} · ${fmt(r.shortfallHours)} h short`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
