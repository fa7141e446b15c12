// Whole-form checks (one field against another) that run even when some other field already failed.

/**
 * Pass as the refinement's options so a form reports every field's error in one round. Zod skips a refinement after
 * an aborting issue (a missing field is one) by default, so "the end must be after the start" would wait for a
 * second submit; with this it runs, sees the fields that parsed, and must not trust the others (check their types).
 */
export const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

/** Both are numbers (they parsed) and `low` is above `high`. */
export function outOfOrder(low: unknown, high: unknown): boolean {
  return typeof low === "number" && typeof high === "number" && low > high;
}
