// The demo company's queues: a Nordic buy-now-pay-later firm whose AI answers chat in every market.
import { countryOfLanguage } from "../../jobs/forecast/holidays";

export type DemoQueue = {
  key: string;
  language: string;
  channel: "CHAT" | "PHONE";
  name: string;
  timeZone: string;
  /** Contacts offered on an average weekday at the start of the history. */
  dailyOffered: number;
  /** AI containment at the start and end of the twelve weeks. */
  containment: [number, number];
  ahtSeconds: [number, number];
  /** Service promise and staffing parameters (see the Queue model). */
  service: { target: number; seconds: number; maxOccupancy: number; shrinkage: number; concurrency: number };
  /** Opening hours per weekday (Monday first), local time. */
  openingHours: [string, string][][];
};

const CHAT_SERVICE = { target: 0.8, seconds: 60, maxOccupancy: 0.85, shrinkage: 0.3, concurrency: 2 };
const PHONE_SERVICE = { target: 0.8, seconds: 20, maxOccupancy: 0.85, shrinkage: 0.3, concurrency: 1 };
const CHAT_HOURS: [string, string][][] = Array.from({ length: 7 }, () => [["07:00", "23:00"]]);
const PHONE_HOURS: [string, string][][] = Array.from({ length: 7 }, () => [["08:00", "20:00"]]);

export const DEMO_QUEUES: DemoQueue[] = [
  {
    key: "sv-chat",
    language: "sv",
    channel: "CHAT",
    name: "Swedish chat",
    timeZone: "Europe/Stockholm",
    dailyOffered: 1450,
    containment: [0.46, 0.66],
    ahtSeconds: [410, 470],
    service: CHAT_SERVICE,
    openingHours: CHAT_HOURS,
  },
  {
    key: "sv-phone",
    language: "sv",
    channel: "PHONE",
    name: "Swedish phone",
    timeZone: "Europe/Stockholm",
    dailyOffered: 360,
    containment: [0.08, 0.16],
    ahtSeconds: [360, 395],
    service: PHONE_SERVICE,
    openingHours: PHONE_HOURS,
  },
  {
    key: "fi-chat",
    language: "fi",
    channel: "CHAT",
    name: "Finnish chat",
    timeZone: "Europe/Helsinki",
    dailyOffered: 700,
    containment: [0.44, 0.63],
    ahtSeconds: [430, 480],
    service: CHAT_SERVICE,
    openingHours: CHAT_HOURS,
  },
  {
    key: "no-chat",
    language: "no",
    channel: "CHAT",
    name: "Norwegian chat",
    timeZone: "Europe/Oslo",
    dailyOffered: 540,
    containment: [0.45, 0.65],
    ahtSeconds: [420, 465],
    service: CHAT_SERVICE,
    openingHours: CHAT_HOURS,
  },
  {
    key: "da-chat",
    language: "da",
    channel: "CHAT",
    name: "Danish chat",
    timeZone: "Europe/Copenhagen",
    dailyOffered: 480,
    containment: [0.45, 0.64],
    ahtSeconds: [415, 460],
    service: CHAT_SERVICE,
    openingHours: CHAT_HOURS,
  },
  {
    key: "en-chat",
    language: "en",
    channel: "CHAT",
    name: "English chat",
    timeZone: "Europe/London",
    dailyOffered: 400,
    containment: [0.5, 0.68],
    ahtSeconds: [380, 430],
    service: CHAT_SERVICE,
    openingHours: CHAT_HOURS,
  },
  {
    key: "de-chat",
    language: "de",
    channel: "CHAT",
    name: "German chat",
    timeZone: "Europe/Berlin",
    dailyOffered: 800,
    containment: [0.44, 0.65],
    ahtSeconds: [440, 490],
    service: CHAT_SERVICE,
    openingHours: CHAT_HOURS,
  },
];

/** The Queue row for a demo queue (used by the seed and the demo-history job). */
export function demoQueueData(queue: DemoQueue) {
  return {
    key: queue.key,
    language: queue.language,
    channel: queue.channel,
    name: queue.name,
    timeZone: queue.timeZone,
    intervalMinutes: 15,
    serviceLevelTarget: queue.service.target,
    serviceLevelSeconds: queue.service.seconds,
    ahtSeconds: queue.ahtSeconds[1],
    maxOccupancy: queue.service.maxOccupancy,
    shrinkage: queue.service.shrinkage,
    concurrency: queue.service.concurrency,
    openingHours: queue.openingHours,
    country: countryOfLanguage(queue.language),
  };
}
