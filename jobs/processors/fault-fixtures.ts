// Shared by the fault tests (faults.test.ts, redis-restart.test.ts): waiting on the database, and the
// queues and history a forecast needs. Plain data and a poll loop: no service is touched here.

/** Resolves when `predicate` holds, polling (the database is the source of truth here). */
export async function until<T>(what: string, read: () => Promise<T>, predicate: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A test queue open 08:00–20:00 UTC every day (Prisma create data). */
export function faultQueueData(key: string, name: string) {
  return {
    key,
    language: key,
    channel: "CHAT" as const,
    name,
    timeZone: "UTC",
    concurrency: 1,
    ahtSeconds: 300,
    openingHours: Array.from({ length: 7 }, () => [["08:00", "20:00"]]),
  };
}

/** Four weeks of 15-minute history before `start` for a queue, during its opening hours. */
export function fourWeeksOfHistory(queueId: string, start: Date) {
  const rows = [];
  for (let day = 28; day >= 1; day--) {
    for (let slot = 32; slot < 80; slot++) {
      rows.push({
        queueId,
        intervalStart: new Date(start.getTime() - day * 86_400_000 + slot * 15 * 60_000),
        intervalMinutes: 15,
        offered: 20 + (slot % 7),
        aiResolved: 10,
        ahtSeconds: 300,
      });
    }
  }
  return rows;
}
