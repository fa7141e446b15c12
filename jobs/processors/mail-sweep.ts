// The mail sweep: queues delivery of outbox messages whose job was never queued, and fails interrupted sends.
import { deliverSoon, mailDeliveryEnabled, sweepOutbox } from "../../app/models/outbox.server";
import { defineProcessor } from "./define";

export const processMailSweep = defineProcessor("mail-sweep", async () => {
  if (!mailDeliveryEnabled()) return { queued: 0, interrupted: 0 };
  const { queued, interrupted } = await sweepOutbox();
  await deliverSoon(queued);
  return { queued: queued.length, interrupted };
});
