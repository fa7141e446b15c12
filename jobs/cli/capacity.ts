// `wfm capacity`: reads a plan file, solves the hiring MIP within the time limit, writes the hiring JSON atomically.
import { InputError, numberOption, parseOptions, readJsonInput, requireOption, writeFileAtomic, type Command } from "./io";
import { parsePlan } from "../capacity/model";
import { solveCapacity } from "../capacity/solve";

const usage = "npm run -s wfm -- capacity --plan plan.json --out hiring.json [--time-limit-seconds 30]";

export const capacityCommand: Command = {
  name: "capacity",
  summary: "whom to hire and when, per cohort and skill, at least cost over a horizon of weeks",
  usage,
  help: `usage: ${usage}

Chooses whole hires per hireable profile and decision week (each starts leadWeeks later, ramps up,
and leaves at the cohort's weekly attrition) and, every week, the best split of all agents' hours
over their queues and the week's bands within band and weekly limits, so that hire cost + pay of
the hires + shortfall cost is least. It is one mixed-integer program, solved exactly by HiGHS; the
summary carries HiGHS's proven lower bound, equal to the cost when the plan is proven optimal.

  --plan PATH                plan JSON (wfm-cli.md §4)
  --out PATH                 hiring JSON to write (written atomically)
  --time-limit-seconds N     stop after N seconds with the best plan found and its bound (default 30)
`,
  async run(argv) {
    const values = parseOptions(argv, { plan: { type: "string" }, out: { type: "string" }, "time-limit-seconds": { type: "string" } }, usage);
    const planPath = requireOption("plan", values.plan, usage);
    const out = requireOption("out", values.out, usage);
    const timeLimitSeconds = numberOption("time-limit-seconds", values["time-limit-seconds"], { min: 0 }) ?? 30;
    const plan = readJsonInput(planPath, parsePlan, (error) => error instanceof InputError);
    const result = await solveCapacity(plan, { timeLimitSeconds });
    writeFileAtomic(out, JSON.stringify(result) + "\n");
  },
};
