// Small dependency-free SVG charts for summaries; each carries a text alternative for screen readers.

type DailyPoint = { day: string; human: number; offered: number; containment: number };

/** Human contacts per day as stacked bars (human below, AI-resolved above) with AI containment as a line. */
export function ContainmentTrendChart({ points, height = 240 }: { points: DailyPoint[]; height?: number }) {
  const width = 640;
  const pad = { top: 12, right: 44, bottom: 24, left: 48 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const maxOffered = Math.max(1, ...points.map((p) => p.offered));
  const niceMax = niceCeiling(maxOffered);
  const barW = innerW / Math.max(points.length, 1);
  const y = (v: number) => pad.top + innerH - (v / niceMax) * innerH;
  const yPct = (v: number) => pad.top + innerH - v * innerH;
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${(pad.left + barW * (i + 0.5)).toFixed(1)},${yPct(p.containment).toFixed(1)}`).join(" ");
  const first = points[0];
  const last = points[points.length - 1];

  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby="trend-title trend-desc">
        <title id="trend-title">Contacts per day and AI containment</title>
        <desc id="trend-desc">
          {first && last
            ? `From ${first.day} to ${last.day}, AI containment went from ${pct(first.containment)} to ${pct(last.containment)}; human contacts per day went from ${first.human.toLocaleString("en-GB")} to ${last.human.toLocaleString("en-GB")}.`
            : "No data"}
        </desc>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={y(niceMax * f)} y2={y(niceMax * f)} stroke="#e2e8f0" />
            <text x={pad.left - 6} y={y(niceMax * f) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {compact(niceMax * f)}
            </text>
            <text x={width - pad.right + 6} y={yPct(f) + 4} fontSize="11" fill="#0f766e">
              {Math.round(f * 100)}%
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = pad.left + barW * i + barW * 0.15;
          const w = barW * 0.7;
          return (
            <g key={p.day}>
              <rect x={x} y={y(p.offered)} width={w} height={y(p.human) - y(p.offered)} fill="#cbd5e1" />
              <rect x={x} y={y(p.human)} width={w} height={pad.top + innerH - y(p.human)} fill="#16706f" />
            </g>
          );
        })}
        <path d={line} fill="none" stroke="#f59e0b" strokeWidth="2.5" />
        {points.map((p, i) =>
          new Date(`${p.day}T00:00:00Z`).getUTCDay() === 1 ? (
            <text key={`tick-${p.day}`} x={pad.left + barW * (i + 0.5)} y={height - 6} fontSize="11" fill="#475569" textAnchor="middle">
              {shortDate(p.day)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <Legend color="#16706f" label="Human contacts" />
        <Legend color="#cbd5e1" label="Resolved by AI" />
        <Legend color="#f59e0b" label="AI containment (right axis)" line />
      </figcaption>
    </figure>
  );
}

function Legend({ color, label, line = false }: { color: string; label: string; line?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={line ? "h-0.5 w-4" : "h-3 w-3 rounded-sm"} style={{ backgroundColor: color }} />
      {label}
    </span>
  );
}

function niceCeiling(v: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(v));
  const steps = [1, 1.2, 1.6, 2, 2.4, 3.2, 4, 6, 8, 10];
  return (steps.find((s) => s * magnitude >= v) ?? 10) * magnitude;
}

function compact(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(v % 1000 === 0 ? 0 : 1)}k` : String(Math.round(v));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function shortDate(isoDay: string): string {
  const [, month, day] = isoDay.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]}`;
}

function pct(v: number): string {
  return `${Math.round(v * 100)} %`;
}

const DAY_LETTERS = ["M", "T", "W", "T", "F", "S", "S"];

/** One queue's week: agent hours required (outline) against scheduled (filled, red when short) per day. */
export function DailyCoverageBars({ queue, days }: { queue: string; days: { required: number; scheduled: number }[] }) {
  const w = 168;
  const h = 64;
  const max = Math.max(1, ...days.map((d) => Math.max(d.required, d.scheduled)));
  const slot = w / 7;
  const y = (v: number) => h - 12 - (v / max) * (h - 16);
  const required = days.reduce((s, d) => s + d.required, 0);
  const scheduled = days.reduce((s, d) => s + d.scheduled, 0);
  return (
    <figure className="min-w-0">
      <figcaption className="flex items-baseline justify-between text-xs">
        <span className="font-medium text-slate-900">{queue}</span>
        <span className={scheduled + 0.5 < required ? "tabular-nums text-rose-700" : "tabular-nums text-slate-600"}>
          {Math.round(scheduled)} / {Math.round(required)} h
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${w} ${h}`}
        className="mt-1 h-auto w-full"
        role="img"
        aria-label={`${queue}: ${Math.round(scheduled)} of ${Math.round(required)} agent hours scheduled this week`}
      >
        {days.map((d, i) => {
          const x = i * slot + 3;
          const bw = slot - 6;
          const short = d.scheduled + 0.25 < d.required;
          return (
            <g key={i}>
              <rect x={x} y={y(d.scheduled)} width={bw} height={h - 12 - y(d.scheduled)} fill={short ? "#f87171" : "#16706f"} />
              <rect x={x} y={y(d.required)} width={bw} height={h - 12 - y(d.required)} fill="none" stroke="#0f172a" strokeWidth={1} strokeDasharray="2 1.5" />
              <text x={x + bw / 2} y={h - 2} fontSize="9" textAnchor="middle" fill="#475569">
                {DAY_LETTERS[i]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
