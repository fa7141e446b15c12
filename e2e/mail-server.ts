// The end-to-end run's mail server: an SMTP server on loopback (the `smtp-server` package) that the app
// under test sends to (SMTP_URL in playwright.config.ts). Started by Playwright's global setup; each
// message received is appended to a JSON-lines file that specs read (`receivedMail`).
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const e2ePort = Number(process.env.E2E_PORT ?? 3100);
/** Next to the app's port, so parallel runs on one machine do not meet. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? e2ePort + 25);
const LOG = path.join(tmpdir(), `handoff-e2e-mail-${E2E_SMTP_PORT}.jsonl`);

export type ReceivedMail = { to: string[]; raw: string };

/** Messages the test's mail server has received so far in this run. */
export function receivedMail(): ReceivedMail[] {
  if (!existsSync(LOG)) return [];
  return readFileSync(LOG, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);
}

export default async function startMailServer() {
  writeFileSync(LOG, "");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        appendFileSync(LOG, JSON.stringify({ to: session.envelope.rcptTo.map((r) => r.address), raw }) + "\n");
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(E2E_SMTP_PORT, "127.0.0.1", () => resolve());
  });
  return async () => new Promise<void>((resolve) => server.close(() => resolve()));
}
