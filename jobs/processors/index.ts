// Every job's processor, by registry name: the worker runs exactly these (the record's type demands one per job).
import type { JobName } from "../queues";
import { processAgentLeavings } from "./agent-leavings";
import { processApplicantRetention } from "./applicant-retention";
import { processCapacity } from "./capacity";
import { processNightlyCapacity } from "./capacity-nightly";
import type { Processor } from "./define";
import { processDemoHistory } from "./demo-history";
import { processDemoPlan } from "./demo-plan";
import { processForecast } from "./forecast";
import { processNightlyForecast } from "./forecast-nightly";
import { processMailDelivery } from "./mail-delivery";
import { processMailSweep } from "./mail-sweep";
import { processSchedule } from "./schedule";

export const PROCESSORS: Record<JobName, Processor> = {
  "demo-history": processDemoHistory,
  "demo-plan": processDemoPlan,
  forecast: processForecast,
  "forecast-nightly": processNightlyForecast,
  schedule: processSchedule,
  capacity: processCapacity,
  "capacity-nightly": processNightlyCapacity,
  "applicant-retention": processApplicantRetention,
  "agent-leavings": processAgentLeavings,
  "mail-delivery": processMailDelivery,
  "mail-sweep": processMailSweep,
};
