// What an application must contain, as one zod schema: the careers form and the CSV import both validate with it.
import { z } from "zod";
import { COHORTS, COUNTRY_CODES, LANGUAGE_CODES, LEVELS, SOURCE_CODES } from "./recruiting-vocabulary";
import { toMinutes } from "./availability";
import { ALWAYS, outOfOrder } from "./whole-form";

const time = z.string({ error: "Enter a time" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, e.g. 17:30");

export const SlotSchema = z
  .object({
    day: z.coerce.number({ error: "Choose a day" }).int().min(0).max(6),
    from: time,
    to: time,
  })
  .refine((s) => toMinutes(s.to) > toMinutes(s.from), { message: "The end must be after the start (split ranges that cross midnight)", path: ["to"] });

export const LanguageSchema = z.object({
  language: z.enum(LANGUAGE_CODES as [string, ...string[]], { error: "Choose a language" }),
  level: z.enum(LEVELS, { error: "Choose a level" }),
});

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters`)
    .transform((v) => (v ? v : undefined))
    .optional();

export const ApplicationFields = z.object({
  name: z.string({ error: "Enter your full name" }).trim().min(2, "Enter your full name").max(120, "Keep the name under 120 characters"),
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long")
    .pipe(z.email("Enter a valid email address, like name@example.com")),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a phone number with country code, e.g. +46 70 123 45 67")
    .optional(),
  country: z.enum(COUNTRY_CODES as [string, ...string[]], { error: "Choose the country you live in" }),
  region: optionalText(80),
  timeZone: z.string({ error: "Choose your time zone" }).refine(isTimeZone, "Choose a time zone from the list"),
  languages: z.array(LanguageSchema, { error: "Add at least one language" }).min(1, "Add at least one language").max(8),
  cohort: z.enum(COHORTS, { error: "Tell us which describes you" }),
  school: optionalText(120),
  graduation: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month like 2027-06")
    .optional(),
  termTimeCapHours: z.coerce.number().int().min(1, "At least 1 hour").max(40, "At most 40 hours").optional(),
  municipality: optionalText(80),
  customerSince: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "Use a year like 2019 or a month like 2019-04")
    .optional(),
  customerId: optionalText(40),
  availability: z.array(SlotSchema, { error: "Add at least one time you can work" }).min(1, "Add at least one time you can work").max(28),
  hoursWanted: z.coerce.number({ error: "How many hours a week would you like?" }).int().min(4, "At least 4 hours").max(40, "At most 40 hours"),
  quietRoom: z.boolean().default(false),
  headset: z.boolean().default(false),
  broadbandMbps: z.coerce.number().int().min(0).max(10_000).optional(),
  source: z.enum(SOURCE_CODES as [string, ...string[]], { error: "Tell us where you heard about us" }),
});

/** Cohort-specific fields are required only for that cohort, and a student's hours stay within the term-time cap. */
export function refineCohort(value: z.infer<typeof ApplicationFields>, ctx: z.RefinementCtx) {
  const need = (path: keyof typeof value, message: string) => {
    if (value[path] === undefined) ctx.addIssue({ code: "custom", path: [path], message });
  };
  if (value.cohort === "student") {
    need("school", "Enter your school or university");
    need("graduation", "Enter when you expect to graduate");
    need("termTimeCapHours", "Enter the most hours a week you may work in term time");
    if (outOfOrder(value.hoursWanted, value.termTimeCapHours)) {
      ctx.addIssue({ code: "custom", path: ["hoursWanted"], message: `Your term-time cap is ${value.termTimeCapHours} hours; ask for at most that` });
    }
  }
  if (value.cohort === "rural") need("municipality", "Enter your municipality or region");
  if (value.cohort === "loyal-customer") need("customerSince", "Enter the year you became a customer");
}

export const ApplicationSchema = ApplicationFields.superRefine(refineCohort, ALWAYS);
export type ApplicationInput = z.infer<typeof ApplicationSchema>;

/** The careers form adds the consent box and a honeypot field that people never see. */
export const CareersFormSchema = ApplicationFields.extend({
  consent: z
    .boolean({ error: "You need to agree before we can keep your application" })
    .refine((v) => v, "You need to agree before we can keep your application"),
  website: z.string().optional(),
}).superRefine(refineCohort, ALWAYS);
