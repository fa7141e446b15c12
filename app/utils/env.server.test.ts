import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

const good = {
  DATABASE_URL: "postgresql://handoff:handoff@127.0.0.1:54329/handoff",
  REDIS_URL: "redis://127.0.0.1:63790",
  SESSION_SECRET: "0123456789abcdef0123",
};

describe("parseEnv", () => {
  it("accepts a complete environment and fills defaults", () => {
    const env = parseEnv(good);
    expect(env.PORT).toBe(3000);
    expect(env.BULLMQ_PREFIX).toBe("handoff");
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe("Handoff <no-reply@handoff.example>");
  });

  it("takes a mail server (an empty SMTP_URL counts as unset)", () => {
    expect(parseEnv({ ...good, SMTP_URL: "smtps://handoff:secret@mail.example.com:465" }).SMTP_URL).toBe("smtps://handoff:secret@mail.example.com:465");
    expect(parseEnv({ ...good, SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it.each([
    [{ ...good, DATABASE_URL: "mysql://x@y/z" }, /^DATABASE_URL: must be a postgresql:\/\/ URL \(got "mysql:\/\/x@y\/z"\)$/],
    [{ ...good, REDIS_URL: undefined }, /^REDIS_URL: .*\(it is not set\)$/],
    [{ ...good, PORT: "eighty" }, /^PORT: .*\(got "eighty"\)$/],
    [{ ...good, SESSION_SECRET: "short" }, /^SESSION_SECRET: must be at least 16 characters/],
    [{ ...good, BULLMQ_PREFIX: "has space" }, /^BULLMQ_PREFIX: letters, digits/],
    [{ ...good, SMTP_URL: "http://mail.example.com" }, /^SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
  ])("names the bad variable in one line (%#)", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("\n");
    }
  });
});
