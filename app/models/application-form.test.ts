import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { CareersFormSchema } from "./application-form";

describe("the careers form", () => {
  it("reports every field's error in one round, the student's fields beside the missing name", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      name: "",
      email: "not-an-email",
      country: "FI",
      timeZone: "Europe/Helsinki",
      "languages[0].language": "fi",
      "languages[0].level": "",
      cohort: "student",
      "availability[0].day": "0",
      "availability[0].from": "17:00",
      "availability[0].to": "21:00",
      hoursWanted: "",
      source: "careers",
    }))
      form.set(name, value);
    const submission = parseWithZod(form, { schema: CareersFormSchema });
    expect(submission.status).toBe("error");
    expect(Object.keys(submission.reply().error ?? {}).sort()).toEqual(
      ["consent", "email", "graduation", "hoursWanted", "languages[0].level", "name", "school", "termTimeCapHours"].sort(),
    );
  });
});
