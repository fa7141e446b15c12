import { describe, expect, it } from "vitest";
import { OpeningSchema } from "./opening-form";

const valid = {
  title: "Finnish chat, evenings",
  description: "Answer Finnish chats the AI hands over, from home.",
  status: "DRAFT",
  languages: [{ language: "fi", level: "C1" }],
  channels: ["CHAT"],
  cohorts: ["student"],
  countries: ["FI"],
  headcountTarget: 6,
  weeklyHoursMin: 10,
  weeklyHoursMax: 20,
  retentionDays: 180,
};

describe("the opening form's messages", () => {
  it("accepts a complete opening", () => {
    expect(OpeningSchema.safeParse(valid).success).toBe(true);
  });

  it("speaks people's words for every field, never zod's", () => {
    const bad = {
      ...valid,
      title: "x".repeat(200),
      status: "",
      languages: [{ language: "", level: "" }],
      channels: ["FAX"],
      cohorts: ["robots"],
      countries: ["XX"],
      headcountTarget: 0.5,
      weeklyHoursMin: 0,
      weeklyHoursMax: 99,
    };
    const result = OpeningSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages.length).toBeGreaterThan(6);
    for (const message of messages) expect(message).not.toMatch(/Invalid|expected|Too (big|small)/);
  });
});
