// Hand-written SVG charts for recruiting reports: a funnel of steps reached, and horizontal bars; each with a text alternative.

type FunnelStep = { name: string; reached: number; passThrough: number | null };

export function FunnelChart({ steps, title }: { steps: FunnelStep[]; title: string }) {
  const width = 420;
  const row = 30;
  const label = 92;
  const height = steps.length * row + 8;
  const max = Math.max(1, ...steps.map((s) => s.reached));
  const inner = width - label - 88;
  const desc = steps
    .map((s) => `${s.name}: ${s.reached}${s.passThrough !== null ? ` (${Math.round(s.passThrough * 100)}% of the step before)` : ""}`)
    .join("; ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={`${title}. ${desc}`}>
      {steps.map((s, i) => {
        const w = Math.max(2, (s.reached / max) * inner);
        const y = i * row + 4;
        return (
          <g key={s.name}>
            <text x={label - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#334155">
              {s.name}
            </text>
            <rect
              x={label + (inner - w) / 2}
              y={y}
              width={w}
              height={row - 8}
              rx="4"
              fill={i === steps.length - 1 ? "#059669" : "#16706f"}
              opacity={1 - i * 0.08}
            />
            <text x={label + inner + 8} y={y + 18} fontSize="13" fill="#0f172a" fontWeight="600">
              {s.reached.toLocaleString("en-GB")}
              <tspan fill="#64748b" fontWeight="400">
                {s.passThrough !== null ? `  ${Math.round(s.passThrough * 100)}%` : ""}
              </tspan>
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function BarList({
  items,
  format = (v) => v.toLocaleString("en-GB"),
  label,
}: {
  items: Array<{ name: string; value: number }>;
  format?: (v: number) => string;
  label: string;
}) {
  const max = Math.max(1e-9, ...items.map((i) => i.value));
  return (
    <ul className="space-y-2" aria-label={label}>
      {items.map((i) => (
        <li key={i.name} className="grid grid-cols-[9rem_1fr_4rem] items-center gap-2 text-sm">
          <span className="line-clamp-2 text-slate-700" title={i.name}>
            {i.name}
          </span>
          <span className="h-3 rounded-full bg-slate-100" aria-hidden="true">
            <span className="block h-3 rounded-full bg-brand-600" style={{ width: `${(i.value / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums text-slate-900">{format(i.value)}</span>
        </li>
      ))}
    </ul>
  );
}
