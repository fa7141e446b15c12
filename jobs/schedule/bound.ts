import type { CompiledInstance } from "./rules";
import type { PlacedShift } from "./solver";
export async function lowerBound(_m: CompiledInstance, _o: { now: () => number; deadline: number; columns: PlacedShift[][]; signal?: AbortSignal; onProgress?: (f: number, m: string) => void }): Promise<number> { return 0; }
