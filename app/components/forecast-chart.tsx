// The forecast chart: history and forecast on one time axis, human vs AI stacked, the p10–p90 band,
// agents required as a step line on the right axis, and adjustments as shaded, linked markers.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export type HistoryPoint = { t: number; human: number; ai: number };
export type ForecastPoint = { t: number; human: number; ai: number; p10: number; p90: number; required: number; adjusted: boolean };
export type AdjustmentMarker = { id: string; from: number; to: number; label: string };

type Props = {
  from: number;
  to: number;
  zoom: "day" | "week";
  timeZone: string;
  intervalMinutes: number;
  history: HistoryPoint[];
  forecast: ForecastPoint[];
  forecastStart: number | null;
  adjustments: AdjustmentMarker[];
};

const W = 760;
const H = 380;
const PAD = { top: 24, right: 52, bottom: 30, left: 52 };
const COLORS = { human: "#16706f", humanForecast: "#4fa3a2", ai: "#cbd5e1", aiForecast: "#e2e8f0", band: "#16706f", required: "#d97706", adjust: "#7c3aed" };

function nice(v: number): number {
  if (v <= 0) return 1;
  const m = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.2, 1.6, 2, 2.4, 3.2, 4, 6, 8, 10].find((s) => s * m >= v) ?? 10) * m;
}

export function ForecastChart(props: Props) {
  const { from, to, history, forecast, intervalMinutes } = props;
  const slot = intervalMinutes * 60_000;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + ((t - from) / (to - from)) * innerW;
  const maxContacts = nice(Math.max(1, ...history.map((p) => p.human + p.ai), ...forecast.map((p) => Math.max(p.human + p.ai, p.p90))));
  // Agents are whole people: the axis top is a multiple of 4 so each quarter gridline is a whole number.
  const maxAgents = Math.max(4, Math.ceil(nice(Math.max(1, ...forecast.map((p) => p.required))) / 4) * 4);
  const y = (v: number) => PAD.top + innerH - (v / maxContacts) * innerH;
  const yr = (v: number) => PAD.top + innerH - (v / maxAgents) * innerH;

  // Areas are drawn as steps: each interval is a flat segment from its start to its end.
  const stepArea = (points: { t: number }[], top: (p: never) => number, bottom: (p: never) => number) => {
    if (points.length === 0) return "";
    const upper = points.flatMap((p) => [
      `${x(p.t).toFixed(1)},${y(top(p as never)).toFixed(1)}`,
      `${x(p.t + slot).toFixed(1)},${y(top(p as never)).toFixed(1)}`,
    ]);
    const lower = [...points]
      .reverse()
      .flatMap((p) => [`${x(p.t + slot).toFixed(1)},${y(bottom(p as never)).toFixed(1)}`, `${x(p.t).toFixed(1)},${y(bottom(p as never)).toFixed(1)}`]);
    return `M${upper.join("L")}L${lower.join("L")}Z`;
  };
  const stepLine = (points: ForecastPoint[]) =>
    points.length
      ? "M" + points.flatMap((p) => [`${x(p.t).toFixed(1)},${yr(p.required).toFixed(1)}`, `${x(p.t + slot).toFixed(1)},${yr(p.required).toFixed(1)}`]).join("L")
      : "";

  const ticks: { t: number; label: string }[] = [];
  const stepHours = props.zoom === "day" ? 3 : 24;
  const first = new TZDate(from, props.timeZone);
  let cursor = new TZDate(first.getFullYear(), first.getMonth(), first.getDate(), 0, 0, 0, props.timeZone).getTime();
  while (cursor < to) {
    if (cursor >= from) ticks.push({ t: cursor, label: format(new TZDate(cursor, props.timeZone), props.zoom === "day" ? "HH:mm" : "EEE d MMM") });
    const c = new TZDate(cursor, props.timeZone);
    cursor = new TZDate(c.getFullYear(), c.getMonth(), c.getDate(), c.getHours() + stepHours, 0, 0, props.timeZone).getTime();
  }

  const totalHuman = forecast.reduce((s, p) => s + p.human, 0);
  const peak = forecast.reduce((m, p) => Math.max(m, p.required), 0);
  const description = forecast.length
    ? `Forecast of ${Math.round(totalHuman).toLocaleString("en-GB")} human contacts in the shown period, peaking at ${peak} agents required.`
    : "No forecast in the shown period.";

  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby="fc-title fc-desc">
        <title id="fc-title">Contacts per interval, history and forecast, with agents required</title>
        <desc id="fc-desc">{description}</desc>
        {props.adjustments.map((a) => {
          const x1 = Math.max(PAD.left, x(a.from));
          const x2 = Math.min(W - PAD.right, x(a.to));
          if (x2 <= x1) return null;
          return (
            <a key={a.id} href={`#adjustment-${a.id}`}>
              <rect x={x1} y={PAD.top} width={x2 - x1} height={innerH} fill={COLORS.adjust} opacity={0.07} />
              <rect x={x1} y={PAD.top - 18} width={Math.min(120, x2 - x1)} height={16} rx={3} fill={COLORS.adjust} opacity={0.9} />
              <text x={x1 + 4} y={PAD.top - 6} fontSize="11" fill="#fff">
                {a.label}
              </text>
            </a>
          );
        })}
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(maxContacts * f)} y2={y(maxContacts * f)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(maxContacts * f) + 4} textAnchor="end" fontSize="12" fill="#475569">
              {Math.round(maxContacts * f)}
            </text>
            <text x={W - PAD.right + 6} y={yr(maxAgents * f) + 4} fontSize="12" fill={COLORS.required}>
              {Math.round(maxAgents * f)}
            </text>
          </g>
        ))}
        <path
          d={stepArea(
            history,
            (p: HistoryPoint) => p.human + p.ai,
            (p: HistoryPoint) => p.human,
          )}
          fill={COLORS.ai}
        />
        <path
          d={stepArea(
            history,
            (p: HistoryPoint) => p.human,
            () => 0,
          )}
          fill={COLORS.human}
        />
        <path
          d={stepArea(
            forecast,
            (p: ForecastPoint) => p.human + p.ai,
            (p: ForecastPoint) => p.human,
          )}
          fill={COLORS.aiForecast}
        />
        <path
          d={stepArea(
            forecast,
            (p: ForecastPoint) => p.human,
            () => 0,
          )}
          fill={COLORS.humanForecast}
          opacity={0.75}
        />
        <path
          d={stepArea(
            forecast,
            (p: ForecastPoint) => p.p90,
            (p: ForecastPoint) => p.p10,
          )}
          fill={COLORS.band}
          opacity={0.22}
        />
        <path d={stepLine(forecast)} fill="none" stroke={COLORS.required} strokeWidth={2} />
        {props.forecastStart !== null && props.forecastStart > from && props.forecastStart < to ? (
          <g>
            <line x1={x(props.forecastStart)} x2={x(props.forecastStart)} y1={PAD.top} y2={PAD.top + innerH} stroke="#334155" strokeDasharray="4 3" />
            <text x={x(props.forecastStart) + 4} y={PAD.top + 12} fontSize="12" fill="#334155">
              Forecast →
            </text>
          </g>
        ) : null}
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} stroke="#94a3b8" />
        {ticks.map((tick) => (
          <g key={tick.t}>
            <line x1={x(tick.t)} x2={x(tick.t)} y1={PAD.top + innerH} y2={PAD.top + innerH + 4} stroke="#94a3b8" />
            <text x={x(tick.t) + 3} y={H - 10} fontSize="12" fill="#475569">
              {tick.label}
            </text>
          </g>
        ))}
        <text x={PAD.left - 44} y={PAD.top - 8} fontSize="12" fill="#475569">
          contacts
        </text>
        <text x={W - PAD.right - 10} y={PAD.top - 8} fontSize="12" fill={COLORS.required} textAnchor="start">
          agents
        </text>
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <Key color={COLORS.human} label="Human contacts (history)" />
        <Key color={COLORS.humanForecast} label="Human contacts (forecast)" />
        <Key color={COLORS.ai} label="Resolved by AI" />
        <Key color={COLORS.band} label="p10–p90 band" faint />
        <Key color={COLORS.required} label="Agents required (right axis)" line />
        <Key color={COLORS.adjust} label="Adjustment" faint />
      </figcaption>
    </figure>
  );
}

function Key({ color, label, line = false, faint = false }: { color: string; label: string; line?: boolean; faint?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={line ? "h-0.5 w-4" : "h-3 w-3 rounded-sm"} style={{ backgroundColor: color, opacity: faint ? 0.35 : 1 }} />
      {label}
    </span>
  );
}
