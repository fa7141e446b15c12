// Labour rules as a form reads and a person reads them: the zod schema of the settings form (hours and
// minutes as typed, checked field by field and against each other) and one-line descriptions of changes.
import { z } from "zod";
import { allowedShiftLengths, DEFAULT_LABOUR_RULES, shiftRulesFor, type LabourRules, type ShiftRules } from "../../jobs/planning/labour-rules";
import { COHORT_LABELS, COHORTS } from "./recruiting-vocabulary";

export { allowedShiftLengths, DEFAULT_LABOUR_RULES, shiftRulesFor, type LabourRules, type ShiftRules };

/** Contract types with rules of their own: the agents' cohorts. */
export const CONTRACT_TYPES = COHORTS;
export const CONTRACT_LABELS = COHORT_LABELS;
/** Rows of the break table on the form; an empty row is no break. */
export const BREAK_ROWS = 3;
/** More lengths make the solver's search wider; a dozen covers any sensible step. */
const MAX_LENGTHS = 12;
/** The planning grid: every time in the rules is a whole number of these. */
const GRID_MINUTES = 15;

const ShiftRulesColumn = z.object({
  shiftMinMinutes: z.number().int().positive(),
  shiftMaxMinutes: z.number().int().positive(),
  shiftStepMinutes: z.number().int().positive(),
  minRestMinutes: z.number().int().min(0),
  breaks: z.array(
    z.object({
      fromShiftMinutes: z.number().int().min(0),
      minutes: z.number().int().positive(),
      earliestAfterStartMinutes: z.number().int().min(0),
      latestBeforeEndMinutes: z.number().int().min(0),
    }),
  ),
});

/** The stored shape (minutes), read back from the JSON column; versions saved before contract types had their own shift rules read as they were. */
export const LabourRulesColumn = ShiftRulesColumn.extend({
  maxShiftsPerWeek: z.number().int().min(1).max(7),
  byContract: z.record(z.string(), z.object({ maxShiftsPerWeek: z.number().int().min(1).max(7).optional(), shifts: ShiftRulesColumn.optional() })),
});

export function hoursLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const toNumber = (v: unknown) => Number(String(v).trim().replace(",", "."));

/** A duration typed in hours (7.5 or 7,5), on the quarter-hour grid, stored in minutes. */
function hours(what: string, min: number, max: number) {
  return z
    .unknown()
    .refine((v) => !blank(v), `Enter ${what}`)
    .transform(toNumber)
    .refine((h) => Number.isFinite(h), `Enter ${what} as a number of hours, like 8 or 7.5`)
    .refine((h) => h >= min && h <= max, `Enter ${what} between ${min} and ${max} hours`)
    .refine((h) => Number.isInteger(h * (60 / GRID_MINUTES)), "Use quarter hours, like 7.25, 7.5 or 7.75")
    .transform((h) => Math.round(h * 60));
}

/** A duration typed in minutes, on the quarter-hour grid. */
function minutes(what: string, min: number, max: number) {
  return z
    .unknown()
    .refine((v) => !blank(v), `Enter ${what}`)
    .transform(toNumber)
    .refine((m) => Number.isFinite(m), `Enter ${what} in minutes, like 30`)
    .refine((m) => m >= min && m <= max, `Enter ${what} between ${min} and ${max} minutes`)
    .refine((m) => m % GRID_MINUTES === 0, `Use whole quarter hours: ${GRID_MINUTES}, 30, 45 … minutes`);
}

function shiftCount(what: string) {
  return z
    .unknown()
    .refine((v) => !blank(v), `Enter ${what}`)
    .transform(toNumber)
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= 7, `Enter ${what} as a whole number from 1 to 7`);
}

const BreakRow = z.object({
  fromShiftHours: z.unknown(),
  minutes: z.unknown(),
  earliestAfterStartMinutes: z.unknown(),
  latestBeforeEndMinutes: z.unknown(),
});
const FilledBreak = z.object({
  fromShiftHours: hours("the shift length the break starts at", 0, 16),
  minutes: minutes("the break's length", GRID_MINUTES, 120),
  earliestAfterStartMinutes: minutes("the earliest start after the shift starts", 0, 12 * 60),
  latestBeforeEndMinutes: minutes("how long before the shift's end it must start", 0, 12 * 60),
});

/** A set of lengths, rest and breaks as posted: the company's, or one contract type's own. */
export interface ShiftRulesInput {
  shiftMinHours?: unknown;
  shiftMaxHours?: unknown;
  shiftStepHours?: unknown;
  minRestHours?: unknown;
  breaks: Array<z.infer<typeof BreakRow>>;
}

/** The form as posted: every value a string (or missing); `parseRulesForm` turns it into rules or field errors. */
export interface RulesFormInput extends ShiftRulesInput {
  maxShiftsPerWeek?: unknown;
  /** `own: "own"` gives the contract type its own lengths, rest and breaks (the fields beside it); anything else: the company's. */
  byContract: Record<string, { maxShiftsPerWeek?: unknown; own?: unknown } & Partial<ShiftRulesInput>>;
}

// A row left empty is no break; its index stays, so errors point at the row the manager typed in.
const BreakEntry = z.union([BreakRow.refine((row) => Object.values(row).every(blank)).transform(() => null), FilledBreak]);

const ShiftFields = z.object({
  shiftMinHours: hours("the shortest shift", 1, 16),
  shiftMaxHours: hours("the longest shift", 1, 16),
  shiftStepHours: hours("the step between shift lengths", 0.25, 16),
  minRestHours: hours("the minimum rest", 0, 24),
  breaks: z.array(BreakEntry).max(BREAK_ROWS),
});
const OptionalShiftCount = z.union([
  z
    .unknown()
    .refine(blank)
    .transform(() => undefined),
  shiftCount("the most shifts a week"),
]);
type ShiftValues = z.output<typeof ShiftFields>;
type Break = NonNullable<z.output<typeof BreakEntry>>;

/** The fields that read well on their own (undefined where one did not; a break row that did not is undefined). */
type PartialValues = Partial<Omit<ShiftValues, "breaks">> & { breaks: Array<Break | null | undefined> };

/**
 * The rules checked against each other, on whichever fields read well on their own, so one submit
 * reports every problem (a bad field elsewhere does not hide a break that does not fit).
 */
function crossCheck(v: PartialValues, add: (path: PropertyKey[], message: string) => void) {
  const { shiftMinHours: min, shiftMaxHours: max, shiftStepHours: step } = v;
  if (min !== undefined && max !== undefined && min > max)
    return add(["shiftMinHours"], `The shortest shift (${hoursLabel(min)}) is longer than the longest (${hoursLabel(max)})`);
  if (min === undefined || max === undefined || step === undefined) return;
  const lengths = allowedShiftLengths({ shiftMinMinutes: min, shiftMaxMinutes: max, shiftStepMinutes: step });
  if (lengths.length > MAX_LENGTHS)
    add(["shiftStepHours"], `That allows ${lengths.length} shift lengths; take a bigger step so there are at most ${MAX_LENGTHS}`);
  let breakIssue = false;
  const issue = (path: PropertyKey[], message: string) => {
    breakIssue = true;
    add(path, message);
  };
  v.breaks.forEach((b, i) => {
    if (!b) return;
    const applies = lengths.filter((l) => l >= b.fromShiftHours);
    if (applies.length === 0)
      return issue(["breaks", i, "fromShiftHours"], `No shift is that long (the longest is ${hoursLabel(max)}), so this break would never apply`);
    const shortest = applies[0]!;
    if (b.minutes >= shortest)
      return issue(["breaks", i, "minutes"], `A ${hoursLabel(b.minutes)} break is as long as the ${hoursLabel(shortest)} shift it applies to, or longer`);
    if (b.earliestAfterStartMinutes + b.minutes + b.latestBeforeEndMinutes > shortest)
      issue(
        ["breaks", i, "earliestAfterStartMinutes"],
        `A ${hoursLabel(b.minutes)} break at least ${hoursLabel(b.earliestAfterStartMinutes)} after the start and ${hoursLabel(b.latestBeforeEndMinutes)} before the end does not fit a ${hoursLabel(shortest)} shift`,
      );
  });
  // Breaks that each fit may still fill a shift between them (said once, when no single break is at fault).
  if (breakIssue || v.breaks.some((b) => b === undefined)) return;
  for (const length of lengths) {
    const total = v.breaks.reduce((sum, b) => sum + (b && length >= b.fromShiftHours ? b.minutes : 0), 0);
    if (total >= length) return add(["breaks"], `The breaks of a ${hoursLabel(length)} shift add up to ${hoursLabel(total)}: no time left to work`);
  }
}

function toShiftRules(v: ShiftValues): ShiftRules {
  return {
    shiftMinMinutes: v.shiftMinHours,
    shiftMaxMinutes: v.shiftMaxHours,
    shiftStepMinutes: v.shiftStepHours,
    minRestMinutes: v.minRestHours,
    breaks: v.breaks
      .filter((b) => b !== null)
      .map((b) => ({
        fromShiftMinutes: b.fromShiftHours,
        minutes: b.minutes,
        earliestAfterStartMinutes: b.earliestAfterStartMinutes,
        latestBeforeEndMinutes: b.latestBeforeEndMinutes,
      }))
      .sort((a, b) => a.fromShiftMinutes - b.fromShiftMinutes),
  };
}

/** One set of lengths, rest and breaks: each field on its own, then the set against itself (every problem in one pass). */
function parseShiftRules(input: Partial<ShiftRulesInput>, add: (path: readonly PropertyKey[], message: string) => void): ShiftRules | undefined {
  const rows = Array.from({ length: BREAK_ROWS }, (_, i) => input.breaks?.[i] ?? {});
  const raw = { ...input, breaks: rows };
  const parsed = ShiftFields.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path, issue.message);
  const one = <K extends "shiftMinHours" | "shiftMaxHours" | "shiftStepHours">(key: K) => {
    const r = ShiftFields.shape[key].safeParse(raw[key]);
    return r.success ? r.data : undefined;
  };
  const values: PartialValues = parsed.success
    ? parsed.data
    : {
        shiftMinHours: one("shiftMinHours"),
        shiftMaxHours: one("shiftMaxHours"),
        shiftStepHours: one("shiftStepHours"),
        breaks: rows.map((row) => {
          const r = BreakEntry.safeParse(row);
          return r.success ? r.data : undefined;
        }),
      };
  crossCheck(values, add);
  return parsed.success ? toShiftRules(parsed.data) : undefined;
}

/** The form field a zod path points at: ["breaks", 0, "minutes"] → "breaks[0].minutes". */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i ? `.${String(k)}` : String(k))).join("");
}

export type RulesFormResult = { ok: true; rules: LabourRules } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Every problem at once, one message per field (the first found for it): the company's lengths, rest and
 * breaks, shifts a week, and per contract type its shifts a week and, when it has its own, its lengths,
 * rest and breaks checked like the company's (errors under `byContract.<type>.`; a contract type's breaks
 * filling its shift is `byContract.<type>.breaks`, naming the contract type).
 */
export function parseRulesForm(input: RulesFormInput): RulesFormResult {
  const fieldErrors: Record<string, string> = {};
  const add = (path: readonly PropertyKey[], message: string) => (fieldErrors[fieldName(path) || "form"] ??= message);
  const shifts = parseShiftRules(input, add);
  const maxShifts = shiftCount("the most shifts a week").safeParse(input.maxShiftsPerWeek);
  if (!maxShifts.success) add(["maxShiftsPerWeek"], maxShifts.error.issues[0]!.message);
  const byContract: LabourRules["byContract"] = {};
  for (const type of CONTRACT_TYPES) {
    const row = input.byContract[type] ?? {};
    const at = (path: readonly PropertyKey[]) => ["byContract", type, ...path];
    const setting: LabourRules["byContract"][string] = {};
    const count = OptionalShiftCount.safeParse(row.maxShiftsPerWeek);
    if (!count.success) add(at(["maxShiftsPerWeek"]), count.error.issues[0]!.message);
    else if (count.data !== undefined) setting.maxShiftsPerWeek = count.data;
    if (row.own === "own") {
      const label = `${CONTRACT_LABELS[type]}s`;
      const own = parseShiftRules(row, (path, message) => add(at(path), path.length === 1 && path[0] === "breaks" ? `${label}: ${message}` : message));
      if (own) setting.shifts = own;
    }
    if (Object.keys(setting).length) byContract[type] = setting;
  }
  if (shifts && maxShifts.success && Object.keys(fieldErrors).length === 0)
    return { ok: true, rules: { ...shifts, maxShiftsPerWeek: maxShifts.data, byContract } };
  return { ok: false, fieldErrors };
}

const Raw = z.unknown();
const ContractRow = z
  .object({
    maxShiftsPerWeek: Raw,
    own: Raw,
    shiftMinHours: Raw,
    shiftMaxHours: Raw,
    shiftStepHours: Raw,
    minRestHours: Raw,
    breaks: z.array(BreakRow.partial()).optional(),
  })
  .optional();

const BaseVersion = z.coerce.number().int().positive().max(1_000_000);

const RulesFormFields = z.object({
  baseVersion: Raw,
  shiftMinHours: Raw,
  shiftMaxHours: Raw,
  shiftStepHours: Raw,
  minRestHours: Raw,
  maxShiftsPerWeek: Raw,
  breaks: z.array(BreakRow.partial()).optional(),
  byContract: z
    .object(Object.fromEntries(CONTRACT_TYPES.map((type) => [type, ContractRow])) as Record<(typeof CONTRACT_TYPES)[number], typeof ContractRow>)
    .optional(),
});
type RulesFormValue = z.output<typeof RulesFormFields>;

function breakRows(rows: Array<Partial<z.infer<typeof BreakRow>>> | undefined) {
  return Array.from({ length: BREAK_ROWS }, (_, i) => {
    const row = rows?.[i];
    return {
      fromShiftHours: row?.fromShiftHours,
      minutes: row?.minutes,
      earliestAfterStartMinutes: row?.earliestAfterStartMinutes,
      latestBeforeEndMinutes: row?.latestBeforeEndMinutes,
    };
  });
}

function parseRulesFormValue(raw: RulesFormValue) {
  return parseRulesForm({
    ...raw,
    breaks: breakRows(raw.breaks),
    byContract: Object.fromEntries(
      CONTRACT_TYPES.map((type) => {
        const row = raw.byContract?.[type];
        return [type, { ...row, breaks: breakRows(row?.breaks) }];
      }),
    ),
  });
}

/**
 * The settings form as conform parses it (the page and its action): every field as typed, then all of them checked
 * at once with `parseRulesForm`, so one submit reports every problem — each field's own and the rules that contradict
 * each other (zod would skip those after the first bad field). `baseVersion` is the current version the form was
 * opened at; a stale one is refused by the save. A refinement, not a transform: conform reads its constraints from
 * the object; `rulesOfForm` gives the rules of a value that passed.
 */
export const RulesFormSchema = RulesFormFields.superRefine((raw, ctx) => {
  if (!BaseVersion.safeParse(raw.baseVersion).success)
    ctx.addIssue({ code: "custom", path: [], message: "The form lost its version; reload the page and try again." });
  const parsed = parseRulesFormValue(raw);
  // The breaks' sum is about no one field: a form error (conform shows errors only on the form's own fields).
  if (!parsed.ok)
    for (const [name, message] of Object.entries(parsed.fieldErrors))
      ctx.addIssue({ code: "custom", path: name === "form" || name === "breaks" || name.endsWith(".breaks") ? [] : pathOf(name), message });
});

/** The version the form was opened at and its rules, of a value `RulesFormSchema` passed. */
export function rulesOfForm(value: RulesFormValue): { baseVersion: number; rules: LabourRules } {
  const parsed = parseRulesFormValue(value);
  if (!parsed.ok) throw new Error("rulesOfForm: the value did not pass RulesFormSchema");
  return { baseVersion: BaseVersion.parse(value.baseVersion), rules: parsed.rules };
}

/** "breaks[0].minutes" → ["breaks", 0, "minutes"] (the reverse of `fieldName`). */
function pathOf(name: string): Array<string | number> {
  return name.split(/\.|\[(\d+)\]\.?/).flatMap((part, i) => (part === undefined || part === "" ? [] : [i % 2 ? Number(part) : part]));
}

/** One set of lengths, rest and breaks as the form shows it: hours and minutes as strings. */
function shiftRulesDefaults(rules: ShiftRules) {
  const h = (m: number) => String(m / 60);
  return {
    shiftMinHours: h(rules.shiftMinMinutes),
    shiftMaxHours: h(rules.shiftMaxMinutes),
    shiftStepHours: h(rules.shiftStepMinutes),
    minRestHours: h(rules.minRestMinutes),
    breaks: Array.from({ length: BREAK_ROWS }, (_, i) => {
      const b = rules.breaks[i];
      return b
        ? {
            fromShiftHours: h(b.fromShiftMinutes),
            minutes: String(b.minutes),
            earliestAfterStartMinutes: String(b.earliestAfterStartMinutes),
            latestBeforeEndMinutes: String(b.latestBeforeEndMinutes),
          }
        : { fromShiftHours: "", minutes: "", earliestAfterStartMinutes: "", latestBeforeEndMinutes: "" };
    }),
  };
}

/**
 * The rules as the form shows them. A contract type following the company's lengths, rest and breaks has
 * them filled in beside `own: "same"`, so choosing "their own" starts from the company's.
 */
export function rulesFormDefaults(rules: LabourRules) {
  return {
    ...shiftRulesDefaults(rules),
    maxShiftsPerWeek: String(rules.maxShiftsPerWeek),
    byContract: Object.fromEntries(
      CONTRACT_TYPES.map((type) => {
        const setting = rules.byContract[type];
        return [
          type,
          {
            maxShiftsPerWeek: String(setting?.maxShiftsPerWeek ?? ""),
            own: setting?.shifts ? ("own" as const) : ("same" as const),
            ...shiftRulesDefaults(setting?.shifts ?? rules),
          },
        ];
      }),
    ) as Record<(typeof CONTRACT_TYPES)[number], ReturnType<typeof shiftRulesDefaults> & { maxShiftsPerWeek: string; own: "own" | "same" }>,
  };
}

function describeBreaks(rules: ShiftRules): string {
  if (rules.breaks.length === 0) return "no breaks";
  return rules.breaks
    .map(
      (b) =>
        `${hoursLabel(b.minutes)} break from ${hoursLabel(b.fromShiftMinutes)} shifts, ${hoursLabel(b.earliestAfterStartMinutes)} after the start to ${hoursLabel(b.latestBeforeEndMinutes)} before the end`,
    )
    .join("; ");
}

/** A set of lengths, rest and breaks in one line: "shifts 3 h, 4 h, 5 h; rest 11 h; 15 min break from 4 h shifts, …". */
export function describeShiftRules(rules: ShiftRules): string {
  return `shifts ${allowedShiftLengths(rules).map(hoursLabel).join(", ")}; rest ${hoursLabel(rules.minRestMinutes)}; ${describeBreaks(rules)}`;
}

/** What changed between two versions, one phrase per rule: ["minimum rest 11 h → 12 h"]. */
export function describeChanges(from: LabourRules, to: LabourRules): string[] {
  const out: string[] = [];
  const lengths = (r: ShiftRules) => allowedShiftLengths(r).map(hoursLabel).join(", ");
  if (lengths(from) !== lengths(to)) out.push(`shift lengths ${lengths(from)} → ${lengths(to)}`);
  if (from.minRestMinutes !== to.minRestMinutes) out.push(`minimum rest ${hoursLabel(from.minRestMinutes)} → ${hoursLabel(to.minRestMinutes)}`);
  if (describeBreaks(from) !== describeBreaks(to)) out.push(`breaks: ${describeBreaks(to)}`);
  if (from.maxShiftsPerWeek !== to.maxShiftsPerWeek) out.push(`shifts a week ${from.maxShiftsPerWeek} → ${to.maxShiftsPerWeek}`);
  for (const type of CONTRACT_TYPES) {
    const a = from.byContract[type]?.maxShiftsPerWeek;
    const b = to.byContract[type]?.maxShiftsPerWeek;
    if (a !== b) out.push(`${CONTRACT_LABELS[type]}s: shifts a week ${a ?? "company rule"} → ${b ?? "company rule"}`);
    const own = (r: LabourRules) => {
      const shifts = r.byContract[type]?.shifts;
      return shifts ? describeShiftRules(shifts) : null;
    };
    const [was, now] = [own(from), own(to)];
    if (was !== now) out.push(`${CONTRACT_LABELS[type]}s: ${now === null ? "the company's shifts, rest and breaks" : `own ${now}`}`);
  }
  return out;
}
