// The `wfm` command of ../shared/contracts/wfm-cli.md: staffing, forecast, schedule and capacity from the shell.
import { InputError, type Command } from "./cli/io";
import { forecastCommand, staffingCommand } from "./cli/forecast";
import { scheduleCommand } from "./cli/schedule";
import { capacityCommand } from "./cli/capacity";

const commands: Command[] = [staffingCommand, forecastCommand, scheduleCommand, capacityCommand];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "usage: npm run -s wfm -- <command> [options]",
    "",
    "Planning maths for AI-overflow staffing. Times are ISO 8601 in UTC.",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `npm run -s wfm -- <command> --help` for a command's options.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview() + "\n");
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`wfm: unknown command "${name}" (expected ${commands.map((c) => c.name).join(", ")})\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.help.trimEnd() + "\n");
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`wfm ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`wfm ${name}: internal error: ${message.split("\n")[0]}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
