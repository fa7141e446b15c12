// A week of availability as a 7 × 24 grid in the viewer's zone, with the same ranges as text for screen readers.
import { DAY_LONG, DAY_SHORT } from "~/models/availability";

function runs(hours: boolean[]): string {
  const out: string[] = [];
  for (let h = 0; h < 24; h++) {
    if (!hours[h]) continue;
    let end = h;
    while (end + 1 < 24 && hours[end + 1]) end++;
    out.push(`${String(h).padStart(2, "0")}:00–${String(end + 1).padStart(2, "0")}:00`);
    h = end;
  }
  return out.join(", ");
}

export function AvailabilityGrid({ grid, caption }: { grid: boolean[][]; caption: string }) {
  return (
    <figure>
      <div aria-hidden="true" className="overflow-x-auto">
        <div className="grid min-w-[17rem] grid-cols-[2rem_repeat(24,minmax(0,1fr))] gap-px text-[10px] text-slate-500">
          <span />
          {Array.from({ length: 24 }, (_, h) => (
            <span key={h} className="text-center tabular-nums">
              {h % 3 === 0 ? h : ""}
            </span>
          ))}
          {grid.map((hours, day) => (
            <div key={day} className="contents">
              <span className="pr-1 text-right text-xs text-slate-600">{DAY_SHORT[day]}</span>
              {hours.map((on, h) => (
                <span key={h} className={on ? "h-5 rounded-sm bg-brand-600" : "h-5 rounded-sm bg-slate-100"} />
              ))}
            </div>
          ))}
        </div>
      </div>
      <figcaption className="mt-2 text-xs text-slate-600">{caption}</figcaption>
      <ul className="sr-only">
        {grid.map((hours, day) => (
          <li key={day}>
            {DAY_LONG[day]}: {runs(hours) || "not available"}
          </li>
        ))}
      </ul>
    </figure>
  );
}
