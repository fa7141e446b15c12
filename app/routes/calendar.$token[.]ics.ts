// The personal calendar feed: an agent's published shifts as an .ics file, behind a secret, revocable token.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createEvents, type EventAttributes } from "ics";
import { calendarFeed } from "~/models/agent.server";

function utcParts(d: Date): [number, number, number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

export async function loader({ params }: LoaderFunctionArgs) {
  const feed = await calendarFeed(params.token ?? "");
  if (!feed) return new Response("Unknown calendar link", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const events: EventAttributes[] = feed.shifts.map((s) => ({
    uid: `shift-${s.id}@handoff`,
    title: `Shift: ${s.queue}`,
    description: s.breaks.length
      ? `Break ${s.breaks.map((b) => `${b.start.toISOString().slice(11, 16)}–${b.end.toISOString().slice(11, 16)} UTC`).join(", ")}`
      : "No break",
    start: utcParts(s.start),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(s.end),
    endInputType: "utc",
    endOutputType: "utc",
    status: "CONFIRMED",
    busyStatus: "BUSY",
    productId: "handoff/shifts",
    calName: `Handoff shifts – ${feed.agent.user.name}`,
  }));
  const { error, value } = createEvents(events.length ? events : [], { productId: "handoff/shifts", calName: `Handoff shifts – ${feed.agent.user.name}` });
  if (error || value === undefined) throw new Response("Calendar could not be built", { status: 500 });
  return new Response(value, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="handoff-shifts.ics"',
      "Cache-Control": "private, max-age=300",
    },
  });
}
