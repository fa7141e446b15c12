// The demo company's queues: a Nordic buy-now-pay-later firm whose AI answers chat in every market.

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
};

export const DEMO_QUEUES: DemoQueue[] = [
  { key: "sv-chat", language: "sv", channel: "CHAT", name: "Swedish chat", timeZone: "Europe/Stockholm", dailyOffered: 2600, containment: [0.46, 0.66], ahtSeconds: [410, 470] },
  { key: "sv-phone", language: "sv", channel: "PHONE", name: "Swedish phone", timeZone: "Europe/Stockholm", dailyOffered: 620, containment: [0.08, 0.16], ahtSeconds: [360, 395] },
  { key: "fi-chat", language: "fi", channel: "CHAT", name: "Finnish chat", timeZone: "Europe/Helsinki", dailyOffered: 1250, containment: [0.44, 0.63], ahtSeconds: [430, 480] },
  { key: "no-chat", language: "no", channel: "CHAT", name: "Norwegian chat", timeZone: "Europe/Oslo", dailyOffered: 980, containment: [0.45, 0.65], ahtSeconds: [420, 465] },
  { key: "da-chat", language: "da", channel: "CHAT", name: "Danish chat", timeZone: "Europe/Copenhagen", dailyOffered: 860, containment: [0.45, 0.64], ahtSeconds: [415, 460] },
  { key: "en-chat", language: "en", channel: "CHAT", name: "English chat", timeZone: "Europe/London", dailyOffered: 700, containment: [0.5, 0.68], ahtSeconds: [380, 430] },
  { key: "de-chat", language: "de", channel: "CHAT", name: "German chat", timeZone: "Europe/Berlin", dailyOffered: 1450, containment: [0.44, 0.65], ahtSeconds: [440, 490] },
];
