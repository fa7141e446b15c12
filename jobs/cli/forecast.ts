// The `staffing` and `forecast` commands of ../shared/contracts/wfm-cli.md: flags in, engine call, JSON or CSV out.
import { InputError, numberOption, parseOptions, readInputFile, requireOption, writeFileAtomic, type Command } from "./io";
import { staffing } from "../forecast/erlang";
import { forecast, formatForecastCsv, parseQueueValues } from "../forecast/forecast";
import { groupByQueue, parseHistoryCsv, parseInstant } from "../forecast/history";
import { HOLIDAY_COUNTRIES } from "../forecast/holidays";
import { parseSpecialDaysCsv } from "../forecast/special-days";

/** `--country US` for all queues, or `--country sv-chat=SE` per queue (repeatable). */
function parseCountries(values: string[] | undefined): string | Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const known = (cc: string, item: string) => {
    if (!(HOLIDAY_COUNTRIES as readonly string[]).includes(cc.toUpperCase())) {
      throw new InputError(`--country: "${item}" has no holiday calendar (known: ${HOLIDAY_COUNTRIES.join(", ")})`);
    }
    return cc.toUpperCase();
  };
  if (values.length === 1 && !values[0].includes("=")) return known(values[0].trim(), values[0]);
  const out: Record<string, string> = {};
  for (const item of values) {
    const eq = item.lastIndexOf("=");
    if (eq <= 0) throw new InputError(`--country: "${item}" is not QUEUE=CC (or give one code for all queues)`);
    out[item.slice(0, eq).trim()] = known(item.slice(eq + 1).trim(), item);
  }
  return out;
}

const staffingUsage =
  "npm run -s wfm -- staffing --arrivals N --aht-seconds S --interval-minutes M --service-level P --answer-seconds T " +
  "[--max-occupancy P] [--shrinkage P] [--patience-seconds S] [--concurrency N]";

const staffingHelp = `usage: ${staffingUsage}

Agents needed for one interval. Prints one JSON object:
  {"agents", "serviceLevel", "occupancy", "waitProbability", "asaSeconds", "scheduledAgents", "model", ...}

  --arrivals N           contacts arriving in the interval (decimals allowed)
  --aht-seconds S        average handle time of one contact
  --interval-minutes M   length of the interval
  --service-level P      target share answered within --answer-seconds, 0 ≤ P < 1 (0.8 for 80/20)
  --answer-seconds T     the answer-time target (20 for 80/20)
  --max-occupancy P      occupancy cap, 0 < P ≤ 1 (default 1: no cap)
  --shrinkage P          share of paid time off the phones, 0 ≤ P < 1 (default 0);
                         scheduledAgents = ceil(agents / (1 − P)), in exact decimal arithmetic
  --patience-seconds S   mean patience: switches from Erlang C to Erlang A (exponential abandonment,
                         exact birth–death chain). serviceLevel is then the share of ALL arrivals,
                         abandoned ones included, that are answered within --answer-seconds
                         (a contact that abandons counts as not answered, however soon it leaves);
                         asaSeconds is the mean wait of answered contacts; abandonProbability is added.
  --concurrency N        chat: one agent works N conversations at once. Modelled as N independent
                         servers per agent (servers = agents × N) with --aht-seconds the handle time of
                         one conversation while sharing the agent; occupancy is the share of those
                         servers busy. The output adds "concurrency", "servers" and "concurrencyModel".

Zero arrivals need zero agents. Erlang B is computed by its recursion (no factorials), so 100,000
arrivals per interval are exact and finite.`;

const staffingOptions = {
  arrivals: { type: "string" },
  "aht-seconds": { type: "string" },
  "interval-minutes": { type: "string" },
  "service-level": { type: "string" },
  "answer-seconds": { type: "string" },
  "max-occupancy": { type: "string" },
  shrinkage: { type: "string" },
  "patience-seconds": { type: "string" },
  concurrency: { type: "string" },
} as const;

export const staffingCommand: Command = {
  name: "staffing",
  summary: "agents needed for one interval (Erlang C, or Erlang A with --patience-seconds)",
  usage: staffingUsage,
  help: staffingHelp,
  run(argv) {
    const o = parseOptions(argv, staffingOptions, staffingUsage);
    const need = (name: keyof typeof staffingOptions, opts: Parameters<typeof numberOption>[2]) =>
      requireOption(name, numberOption(name, o[name], opts), staffingUsage);
    const params = {
      arrivals: need("arrivals", { min: 0 }),
      ahtSeconds: need("aht-seconds", { min: Number.MIN_VALUE }),
      intervalMinutes: need("interval-minutes", { min: Number.MIN_VALUE }),
      serviceLevel: need("service-level", { min: 0 }),
      answerSeconds: need("answer-seconds", { min: 0 }),
      maxOccupancy: numberOption("max-occupancy", o["max-occupancy"], { min: Number.MIN_VALUE, max: 1 }),
      shrinkage: numberOption("shrinkage", o.shrinkage, { min: 0 }),
      patienceSeconds: numberOption("patience-seconds", o["patience-seconds"], { min: Number.MIN_VALUE }),
      concurrency: numberOption("concurrency", o.concurrency, { min: 1, integer: true }),
    };
    if (params.serviceLevel >= 1) throw new InputError(`--service-level: ${o["service-level"]} must be below 1 (no finite staff answers everyone in time)`);
    if (params.shrinkage !== undefined && params.shrinkage >= 1) throw new InputError(`--shrinkage: ${o.shrinkage} must be below 1`);
    const r = staffing(params);
    const out: Record<string, unknown> = {
      agents: r.agents,
      serviceLevel: r.serviceLevel,
      occupancy: r.occupancy,
      waitProbability: r.waitProbability,
      asaSeconds: r.asaSeconds,
      scheduledAgents: r.scheduledAgents,
      model: r.model,
    };
    if (r.model === "erlang-a") out.abandonProbability = r.abandonProbability;
    if (params.concurrency !== undefined) {
      out.concurrency = r.concurrency;
      out.servers = r.servers;
      out.concurrencyModel = `each agent is ${r.concurrency} independent servers; aht-seconds is one conversation's handle time while sharing the agent; occupancy is the share of servers busy`;
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  },
};

const forecastUsage =
  "npm run -s wfm -- forecast --history FILE.csv --start ISO-TIME --days N --out FILE.csv " +
  "[--containment QUEUE=RATE]... [--volume-factor QUEUE=FACTOR]... [--country CC | --country QUEUE=CC]... [--special-days FILE.csv]";

const forecastHelp = `usage: ${forecastUsage}

Contact demand per queue and interval, and the share the AI will not handle.

  --history FILE       CSV with header interval_start,queue,offered,ai_resolved[,aht_seconds]; one row per
                       queue and interval, any order. Interval length is inferred per queue (5, 15, 30 or
                       60 minutes, uniform within a queue). Intervals absent from the file are missing,
                       not zero: closed hours, holidays and weekends stay out of the model. Rows at or
                       after --start are ignored; rows earlier on the --start day re-forecast the rest of
                       that day from the level seen so far (intraday re-forecast).
  --start ISO-TIME     first instant of the horizon, e.g. 2026-12-07T00:00:00Z (a bare date is its midnight UTC)
  --days N             horizon length in days
  --out FILE           output CSV: interval_start,queue,offered,ai_resolved,human,human_p10,human_p90,
                       one row per queue and interval of the horizon, in time order. offered, ai_resolved
                       and human are expected values (human = offered − ai_resolved); human_p10 and
                       human_p90 are the 10th and 90th percentiles of human demand. Intervals the history
                       shows closed are forecast as 0.
  --containment Q=R    use containment rate R (ai_resolved / offered, 0..1) for queue Q instead of the
                       forecast ramp (repeatable)
  --volume-factor Q=F  scale queue Q's offered volume by F (repeatable)
  --country CC         public holidays of country CC (US, SE, FI, NO, DK, DE, PL, GB) are special days for
                       every queue; --country Q=CC for one queue (repeatable). A holiday is forecast from
                       what the queue's history shows on it; without history, queues closed some weekday
                       every week are closed on it (and the day after looks like the week's first day),
                       queues open every day get their quietest weekday's volume.
  --special-days FILE  CSV date,kind[,label][,multiplier][,queue]: the manager's special days (kind holiday,
                       closed or event, e.g. 2026-11-27,event,Black Friday,1.8); they win over --country.

Model (docs/decisions/012-forecast-method.md): day total = recency-weighted level × weekday factor ×
month-turn effect, spread over the day by a smoothed multi-week intraday profile; containment as a
damped linear ramp; p10/p90 from a negative binomial whose spread is calibrated on a backtest.
Exit 2 with one line naming file, line and field on bad input; the output file is written whole or not at all.`;

const forecastOptions = {
  history: { type: "string" },
  start: { type: "string" },
  days: { type: "string" },
  out: { type: "string" },
  containment: { type: "string", multiple: true },
  "volume-factor": { type: "string", multiple: true },
  country: { type: "string", multiple: true },
  "special-days": { type: "string" },
} as const;

export const forecastCommand: Command = {
  name: "forecast",
  summary: "offered, AI-resolved and human demand per queue and interval, with p10/p90",
  usage: forecastUsage,
  help: forecastHelp,
  run(argv) {
    const o = parseOptions(argv, forecastOptions, forecastUsage);
    const historyPath = requireOption("history", o.history, forecastUsage);
    const startText = requireOption("start", o.start, forecastUsage);
    const days = requireOption("days", numberOption("days", o.days, { min: 1, max: 3660, integer: true }), forecastUsage);
    const out = requireOption("out", o.out, forecastUsage);
    // A bare date means its midnight UTC; anything else must carry a zone.
    const start = parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(startText) ? `${startText}T00:00:00Z` : startText);
    if (start === null) throw new InputError(`--start: "${startText}" is not an ISO 8601 time such as 2026-12-07T00:00:00Z`);
    const containment = parseQueueValues("--containment", o.containment, (v) => (v >= 0 && v <= 1 ? null : "rate must be between 0 and 1"));
    const volumeFactors = parseQueueValues("--volume-factor", o["volume-factor"], (v) => (v >= 0 ? null : "factor must be ≥ 0"));
    const series = groupByQueue(parseHistoryCsv(readInputFile(historyPath), historyPath), historyPath);
    const country = parseCountries(o.country);
    const specialDaysPath = o["special-days"];
    const specialDays = specialDaysPath ? parseSpecialDaysCsv(readInputFile(specialDaysPath), specialDaysPath) : undefined;
    if (typeof country === "object") {
      for (const q of Object.keys(country)) if (!series.some((s) => s.queue === q)) throw new InputError(`--country: queue "${q}" is not in the history`);
    }
    const rows = forecast(series, { start, days, containment, volumeFactors, country, specialDays });
    writeFileAtomic(out, formatForecastCsv(rows));
  },
};
