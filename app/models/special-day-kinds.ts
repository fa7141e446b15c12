// The kinds of special day and how pages name them (no server code: the special-days page imports it in the browser).
import type { SpecialDayKind } from "@prisma/client";

export const SPECIAL_DAY_KINDS = ["HOLIDAY", "CLOSED", "EVENT"] as const satisfies readonly SpecialDayKind[];
export const SPECIAL_DAY_KIND_LABELS: Record<SpecialDayKind, string> = { HOLIDAY: "Holiday", CLOSED: "Closed", EVENT: "Event" };
