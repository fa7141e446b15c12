// The queue settings form (Queues & history): what a queue promises and how it is staffed, its holiday calendar and
// its opening hours per weekday. Client-safe: the page validates with the same schema as the action.
import { z } from "zod";
import { HOLIDAY_COUNTRIES } from "../../jobs/forecast/holidays";
import type { OpeningHours } from "../../jobs/planning/calendar";
import { DAY_SHORT } from "./availability";
import type { QueueSettings, QueueSettingsUpdate } from "./queue.server";
import { ALWAYS } from "./whole-form";

/** The form's weekday rows, Monday first (as opening hours are stored). */
export const WEEKDAYS = DAY_SHORT;

export const COUNTRY_NAMES: Record<(typeof HOLIDAY_COUNTRIES)[number], string> = {
  SE: "Sweden",
  FI: "Finland",
  NO: "Norway",
  DK: "Denmark",
  DE: "Germany (nationwide)",
  PL: "Poland",
  GB: "United Kingdom (England)",
  US: "United States",
};

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;

/** A number field whose message says the range it takes. */
const number = (message: string, min: number, max: number, whole = false) => {
  const base = z.coerce.number({ error: message }).min(min, message).max(max, message);
  return whole ? base.int(message) : base;
};

/**
 * One weekday's row: open and close as HH:mm, or the "closed" box ticked (the times are then ignored). A row sent with
 * nothing in it (both times cleared) is parsed as empty, so its errors sit on its own fields.
 */
const OpeningDaySchema = z
  .object({ open: z.string().max(5).optional(), close: z.string().max(5).optional(), closed: z.literal("on").optional() })
  .superRefine((day, ctx) => {
    if (day.closed === "on") return;
    const open = typeof day.open === "string" && TIME.test(day.open) ? day.open : null;
    const close = typeof day.close === "string" && TIME.test(day.close) ? day.close : null;
    if (!open) ctx.addIssue({ code: "custom", path: ["open"], message: "Opens at a time as HH:mm, e.g. 08:00" });
    if (!close) ctx.addIssue({ code: "custom", path: ["close"], message: "Closes at a time as HH:mm, e.g. 20:00" });
    if (open && close && open >= close) ctx.addIssue({ code: "custom", path: ["close"], message: "Closes before it opens" });
  }, ALWAYS)
  .prefault({});

export const QueueSettingsSchema = z.object({
  intent: z.literal("settings"),
  key: z.string({ error: "Choose a queue to edit" }).max(60),
  name: z.string({ error: "Give the queue a name" }).trim().min(2, "Give the queue a name").max(60, "At most 60 characters"),
  timeZone: z
    .string({ error: "A time zone such as Europe/Stockholm" })
    .max(60)
    .refine((tz) => tz === "UTC" || Intl.supportedValuesOf("timeZone").includes(tz), "Not a known time zone, e.g. Europe/Stockholm"),
  serviceLevelPercent: number("A service level from 1 to 99 %", 1, 99),
  answerSeconds: number("Whole seconds, from 1 s to a week (604800)", 1, 7 * 86_400, true),
  ahtSeconds: number("Whole seconds, from 10 to 7200", 10, 7200, true),
  maxOccupancyPercent: number("An occupancy cap from 50 to 100 %", 50, 100),
  shrinkagePercent: number("A shrinkage from 0 to 80 %", 0, 80),
  concurrency: number("Chats per agent, a whole number from 1 to 6", 1, 6, true),
  /** Blank: no patience given, so staffing uses Erlang C. */
  patienceSeconds: number("Whole seconds, from 5 to 86400 (or empty for Erlang C)", 5, 86_400, true).optional(),
  /** Blank: no holiday calendar. */
  country: z.enum(HOLIDAY_COUNTRIES, "Choose a calendar from the list").optional(),
  /** Seven rows, Monday first. */
  hours: z.tuple([OpeningDaySchema, OpeningDaySchema, OpeningDaySchema, OpeningDaySchema, OpeningDaySchema, OpeningDaySchema, OpeningDaySchema]),
});
export type QueueSettingsForm = z.infer<typeof QueueSettingsSchema>;

/** The form's values for a queue as stored (a queue without opening hours is open around the clock). */
export function queueFormDefaults(queue: QueueSettings) {
  const hours: OpeningHours = queue.openingHours ?? WEEKDAYS.map(() => [["00:00", "24:00"]]);
  return {
    intent: "settings",
    key: queue.key,
    name: queue.name,
    timeZone: queue.timeZone,
    serviceLevelPercent: String(Math.round(queue.serviceLevelTarget * 100)),
    answerSeconds: String(queue.serviceLevelSeconds),
    ahtSeconds: String(queue.ahtSeconds),
    maxOccupancyPercent: String(Math.round(queue.maxOccupancy * 100)),
    shrinkagePercent: String(Math.round(queue.shrinkage * 100)),
    concurrency: String(queue.concurrency),
    patienceSeconds: queue.patienceSeconds === null ? "" : String(queue.patienceSeconds),
    country: queue.country ?? "",
    hours: hours.map((ranges) => {
      const first = ranges[0];
      return first ? { open: first[0], close: first[1] } : { open: "08:00", close: "20:00", closed: "on" };
    }),
  };
}

/** What the model stores for a valid form. */
export function queueUpdateOf(form: QueueSettingsForm): QueueSettingsUpdate {
  return {
    name: form.name,
    timeZone: form.timeZone,
    serviceLevelTarget: form.serviceLevelPercent / 100,
    serviceLevelSeconds: form.answerSeconds,
    ahtSeconds: form.ahtSeconds,
    maxOccupancy: form.maxOccupancyPercent / 100,
    shrinkage: form.shrinkagePercent / 100,
    concurrency: form.concurrency,
    patienceSeconds: form.patienceSeconds ?? null,
    openingHours: form.hours.map((day): [string, string][] => (day.closed === "on" || !day.open || !day.close ? [] : [[day.open, day.close]])),
    country: form.country ?? null,
  };
}

/** The history upload's fields: which step (check, or check and import) and whether a file came with it. */
export const HistoryUploadSchema = z.object({
  intent: z.enum(["preview", "import"], "That request was not understood."),
  // In the browser the chosen File; on the server the name of the file streamed to disk (the file itself never is a form value).
  file: z.unknown().refine((file) => file !== undefined, "Choose a CSV file first."),
});
