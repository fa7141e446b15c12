// The lint rules that keep the layers pointing one way actually fire: a file that imports upward fails.
import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe("layer rules", () => {
  it("refuses a model import inside the schedule engine", async () => {
    const ids = await ruleIds(
      "jobs/schedule/probe.ts",
      'import { listQueueSettings } from "../../app/models/queue.server";\nexport const probe = listQueueSettings;\n',
    );
    expect(ids).toContain("import-x/no-restricted-paths");
  });

  it("refuses BullMQ inside the engine", async () => {
    expect(await ruleIds("jobs/forecast/probe.ts", 'import { Queue } from "bullmq";\nexport const probe = Queue;\n')).toContain("no-restricted-imports");
  });

  it("refuses a route or seed import inside a model", async () => {
    expect(await ruleIds("app/models/probe.server.ts", 'import { loader } from "../routes/_app.jobs";\nexport const probe = loader;\n')).toContain(
      "import-x/no-restricted-paths",
    );
    expect(
      await ruleIds("app/models/probe.server.ts", 'import { historyEnd } from "../../prisma/demo/history";\nexport const probe = historyEnd;\n'),
    ).toContain("import-x/no-restricted-paths");
  });

  it("refuses a processor import in web code and raw formData() in a route", async () => {
    expect(await ruleIds("app/routes/probe.tsx", 'import { PROCESSORS } from "../../jobs/processors";\nexport const probe = PROCESSORS;\n')).toContain(
      "import-x/no-restricted-paths",
    );
    expect(
      await ruleIds("app/routes/probe.tsx", "export async function action({ request }: { request: Request }) {\n  return request.formData();\n}\n"),
    ).toContain("no-restricted-syntax");
  });

  it("accepts the engine importing its own modules", async () => {
    expect(await ruleIds("jobs/schedule/probe.ts", 'import { InputError } from "../input-error";\nexport const probe = InputError;\n')).toEqual([]);
  });
});
