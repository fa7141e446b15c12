// Schedule views: the coverage heatmap (queues × hours of the week, scheduled − required) and the
// per-agent timeline (shifts as bars, breaks as notches), both in the viewer's time zone.
import { Link } from "@remix-run/react";
import { formatInZone } from "~/utils/time";

export type CoverageRow = { queue: string; required: number[]; staffed: number[] };

const HOURS = 168;

function cellColor(gap: number, required: number, staffed: number): string {
  if (required === 0 && staffed === 0) return "#e2e8f0";
  if (gap < -2) return "#b91c1c";
  if (gap < -0.75) return "#ef4444";
  if (gap < -0.01) return "#fca5a5";
  if (gap <= 1) return "#34d399";
  return "#a7f3d0";
}

/** Rows: queues; columns: hours of the week; colour: average scheduled − required in that hour. */
export function CoverageHeatmap({
  rows,
  weekStart,
  timeZone,
  intervalsPerHour,
}: {
  rows: CoverageRow[];
  weekStart: number;
  timeZone: string;
  intervalsPerHour: number;
}) {
  const cell = 5;
  const labelW = 72;
  const width = labelW + HOURS * cell;
  const rowH = 22;
  const height = 26 + rows.length * rowH;
  // One label per hour of the week, shared by every queue's row (formatting a date in a zone is not free).
  const hourLabels = Array.from({ length: HOURS }, (_, h) => formatInZone(weekStart + h * 3_600_000, timeZone, "EEE HH:mm"));
  return (
    <figure>
      <div className="overflow-x-auto">
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full min-w-[720px]" role="img" aria-labelledby="heat-title">
          <title id="heat-title">
            Coverage per queue and hour: red where fewer agents are scheduled than required, green where the requirement is met, grey when closed
          </title>
          {Array.from({ length: 7 }, (_, d) => (
            <text key={d} x={labelW + d * 24 * cell + 2} y={12} fontSize="11" fill="#475569">
              {formatInZone(weekStart + d * 86_400_000, timeZone, "EEE d MMM")}
            </text>
          ))}
          {rows.map((row, r) => (
            <g key={row.queue} transform={`translate(0, ${18 + r * rowH})`}>
              <text x={0} y={rowH / 2 + 4} fontSize="12" fill="#0f172a">
                {row.queue}
              </text>
              {Array.from({ length: HOURS }, (_, h) => {
                let req = 0;
                let st = 0;
                for (let k = 0; k < intervalsPerHour; k++) {
                  req += row.required[h * intervalsPerHour + k] ?? 0;
                  st += row.staffed[h * intervalsPerHour + k] ?? 0;
                }
                const gap = (st - req) / intervalsPerHour;
                return (
                  <rect key={h} x={labelW + h * cell} y={2} width={cell - 0.6} height={rowH - 4} fill={cellColor(gap, req, st)}>
                    <title>{`${row.queue} ${hourLabels[h]}: required ${(req / intervalsPerHour).toFixed(1)}, scheduled ${(st / intervalsPerHour).toFixed(1)}`}</title>
                  </rect>
                );
              })}
            </g>
          ))}
          {Array.from({ length: 8 }, (_, d) => (
            <line key={d} x1={labelW + d * 24 * cell} x2={labelW + d * 24 * cell} y1={16} y2={height} stroke="#0f172a" strokeOpacity={0.35} />
          ))}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        {[
          ["#b91c1c", "2+ short"],
          ["#ef4444", "1–2 short"],
          ["#fca5a5", "under 1 short"],
          ["#34d399", "met"],
          ["#a7f3d0", "over by 1+"],
          ["#e2e8f0", "closed"],
        ].map(([c, l]) => (
          <span key={l} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="h-3 w-3 rounded-sm" style={{ backgroundColor: c }} />
            {l}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export type TimelineShift = { id: string; queue: string; start: number; end: number; breaks: { start: number; end: number }[]; edited: boolean };
export type TimelineAgent = { id: string; name: string; shifts: TimelineShift[]; minutes: number };

// Hues far apart (teal and cyan, blue and violet looked alike), each dark enough to stand out on white; slate for the seventh.
const QUEUE_COLORS = ["#1d4ed8", "#c2410c", "#0f766e", "#7e22ce", "#be185d", "#4d7c0f", "#334155", "#a16207"];

export function queueColor(queues: string[], queue: string): string {
  return QUEUE_COLORS[Math.max(0, queues.indexOf(queue)) % QUEUE_COLORS.length];
}

/** One row per agent, shifts as bars coloured by queue, breaks as notches; a shift links to its editor. */
export function AgentTimeline({
  agents,
  queues,
  weekStart,
  timeZone,
  editLink,
}: {
  agents: TimelineAgent[];
  queues: string[];
  weekStart: number;
  timeZone: string;
  editLink: (shiftId: string) => string;
}) {
  const labelW = 170;
  const hourW = 5;
  const rowH = 18;
  const width = labelW + HOURS * hourW + 50;
  const height = 20 + agents.length * rowH;
  const x = (ms: number) => labelW + ((ms - weekStart) / 3_600_000) * hourW;
  return (
    <div className="max-h-[640px] overflow-auto rounded-lg border border-slate-200">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full min-w-[900px]" role="img" aria-label="Shifts per agent over the week">
        {Array.from({ length: 7 }, (_, d) => (
          <g key={d}>
            <rect x={labelW + d * 24 * hourW} y={0} width={24 * hourW} height={height} fill={d % 2 ? "#f8fafc" : "#ffffff"} />
            <text x={labelW + d * 24 * hourW + 3} y={13} fontSize="11" fill="#475569">
              {formatInZone(weekStart + d * 86_400_000, timeZone, "EEE d")}
            </text>
          </g>
        ))}
        {agents.map((agent, r) => (
          <g key={agent.id} transform={`translate(0, ${20 + r * rowH})`}>
            <text x={6} y={rowH - 5} fontSize="11.5" fill="#0f172a">
              {agent.name.length > 22 ? agent.name.slice(0, 21) + "…" : agent.name}
            </text>
            <text x={width - 44} y={rowH - 5} fontSize="10.5" fill="#475569">
              {(agent.minutes / 60).toFixed(1)} h
            </text>
            {agent.shifts.map((s) => (
              <Link
                key={s.id}
                to={editLink(s.id)}
                aria-label={`${agent.name}, ${s.queue}, ${formatInZone(s.start, timeZone, "EEE HH:mm")}–${formatInZone(s.end, timeZone, "HH:mm")}`}
              >
                <rect
                  x={x(s.start)}
                  y={3}
                  width={Math.max(2, x(s.end) - x(s.start))}
                  height={rowH - 6}
                  rx={2}
                  fill={queueColor(queues, s.queue)}
                  stroke={s.edited ? "#0f172a" : "none"}
                  strokeWidth={1.2}
                />
                {s.breaks.map((b) => (
                  <rect key={b.start} x={x(b.start)} y={3} width={Math.max(1.5, x(b.end) - x(b.start))} height={rowH - 6} fill="#ffffff" opacity={0.85} />
                ))}
                <title>{`${s.queue} ${formatInZone(s.start, timeZone, "EEE HH:mm")}–${formatInZone(s.end, timeZone, "HH:mm")}${s.breaks.length ? `, break ${formatInZone(s.breaks[0].start, timeZone, "HH:mm")}` : ""}`}</title>
              </Link>
            ))}
          </g>
        ))}
      </svg>
    </div>
  );
}
