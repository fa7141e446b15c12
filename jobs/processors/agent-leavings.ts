// Processor for "agent-leavings" (hourly, see its repeat in the registry): deactivates agents whose planned last working day has passed.
import { deactivateDueLeavers } from "../../app/models/roster.server";
import { defineProcessor } from "./define";

export const processAgentLeavings = defineProcessor("agent-leavings", async (payload, { progress }) => {
  await progress(0);
  const now = payload.asOf ? new Date(payload.asOf) : new Date();
  const { deactivated } = await deactivateDueLeavers(now);
  await progress(100);
  return { deactivated, asOf: now.toISOString() };
});
