// `wfm schedule`: reads an instance file, solves within the time limit, writes the schedule JSON atomically.
import { numberOption, parseOptions, readJsonInput, requireOption, writeFileAtomic, type Command } from "./io";
import { InstanceError, parseInstance } from "../schedule/instance";
import { solveSchedule } from "../schedule/index";

const usage = "npm run -s wfm -- schedule --instance instance.json --out schedule.json [--time-limit-seconds 30] [--seed 1]";

export const scheduleCommand: Command = {
  name: "schedule",
  summary: "shifts for named agents that cover the requirement per queue and interval",
  usage,
  help: `usage: ${usage}

Builds shifts that keep every hard rule of the instance (availability, shift lengths, breaks,
skills, rest, maximum shifts and minutes) and minimise, in this order, under-coverage, shortfall
below agents' minimum minutes, and over-coverage. The summary carries a proven lower bound on
under-coverage so the gap to the optimum is visible. An agent may carry its own "rules"
(shiftLengthsMinutes, minRestMinutes, breaks; each optional), replacing the instance's for it.

  --instance PATH            instance JSON (wfm-cli.md §3)
  --out PATH                 schedule JSON to write (written atomically)
  --time-limit-seconds N     stop searching after N seconds and return the best schedule (default 30)
  --seed N                   seed of the search (default 1); same seed, same schedule
`,
  async run(argv) {
    const values = parseOptions(
      argv,
      {
        instance: { type: "string" },
        out: { type: "string" },
        "time-limit-seconds": { type: "string" },
        seed: { type: "string" },
      },
      usage,
    );
    const instancePath = requireOption("instance", values.instance, usage);
    const out = requireOption("out", values.out, usage);
    const timeLimitSeconds = numberOption("time-limit-seconds", values["time-limit-seconds"], { min: 0 }) ?? 30;
    const seed = numberOption("seed", values.seed, { integer: true }) ?? 1;
    const instance = readJsonInput(instancePath, parseInstance, (error) => error instanceof InstanceError);
    const result = await solveSchedule(instance, { timeLimitSeconds, seed });
    writeFileAtomic(out, JSON.stringify(result) + "\n");
  },
};
