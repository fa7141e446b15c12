// The relaxation's primal side, recovered from the bound's ascent: each agent class's best weeks over
// the latest rounds (an ergodic average of the subproblem solutions approximates the LP's mix of
// weeks), and schedules rounded from that mix. See docs/decisions/087-rounding-the-relaxation.md.
import type { CompiledInstance } from "./rules";
import type { Random } from "./random";
import type { PlacedShift } from "./solver";

/**
 * Per agent class: its distinct best weeks over some rounds, and in how many of them each was best.
 * The weeks are encoded in one buffer (`data`, read with `decodeWeek` at each offset), so a mix of a
 * hundred thousand weeks is one array to send between threads.
 */
export interface PlanMix {
  /** Rounds the mix spans; a class idles in the rounds none of its weeks counts. */
  rounds: number;
  data: Int32Array;
  classes: { key: string; offsets: number[]; counts: number[] }[];
}

/** A week as numbers: its shift count, then per shift start, kind, queue, break count and break starts. */
export function encodeWeek(plan: PlacedShift[]): Int32Array {
  const out = new Int32Array(weekLength(plan));
  writeWeek(plan, out, 0);
  return out;
}

const weekLength = (plan: PlacedShift[]) => 1 + plan.reduce((n, s) => n + 4 + s.breaks.length, 0);

function writeWeek(plan: PlacedShift[], out: Int32Array, at: number): void {
  let i = at;
  out[i++] = plan.length;
  for (const s of plan) {
    out[i++] = s.start;
    out[i++] = s.kind;
    out[i++] = s.queue;
    out[i++] = s.breaks.length;
    for (const b of s.breaks) out[i++] = b;
  }
}

/** Length of the encoded week at `at`. */
function encodedLength(data: Int32Array, at: number): number {
  let i = at + 1;
  for (let n = 0; n < data[at]; n++) i += 4 + data[i + 3];
  return i - at;
}

export function decodeWeek(data: Int32Array, at = 0): PlacedShift[] {
  const plan: PlacedShift[] = [];
  let i = at + 1;
  for (let n = 0; n < data[at]; n++) {
    const [start, kind, queue, breaks] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    plan.push({ start, kind, queue, breaks: Array.from(data.subarray(i + 4, i + 4 + breaks)) });
    i += 4 + breaks;
  }
  return plan;
}

/** FNV-1a over `length` numbers from `at`: equal weeks hash alike, and a hit is confirmed by comparing them. */
function weekHash(data: Int32Array, at: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + length; i++) h = Math.imul(h ^ data[i], 0x01000193);
  return h >>> 0;
}

/** Whether the weeks at `a` and `b` (the second `length` numbers long) are the same. */
function sameWeek(data: Int32Array, a: number, b: number, length: number): boolean {
  if (encodedLength(data, a) !== length) return false;
  for (let i = 0; i < length; i++) if (data[a + i] !== data[b + i]) return false;
  return true;
}

/** Encoded weeks appended to one growing buffer; a week is its offset. */
class Arena {
  data = new Int32Array(1024);
  used = 0;

  /** Room for `length` more numbers at `used`. */
  reserve(length: number): void {
    if (this.used + length <= this.data.length) return;
    const grown = new Int32Array(Math.max(2 * this.data.length, this.used + length));
    grown.set(this.data.subarray(0, this.used));
    this.data = grown;
  }

  /** Copies the week at `at` of another buffer here; returns its offset. */
  copy(from: Int32Array, at: number): number {
    const length = encodedLength(from, at);
    this.reserve(length);
    this.data.set(from.subarray(at, at + length), this.used);
    this.used += length;
    return this.used - length;
  }
}

interface ClassLog {
  /** Offsets of the distinct weeks in the pool's arena, by hash. */
  byHash: Map<number, number[]>;
  /** Per recorded round, ascending: the round and the offset of the class's best week in it. */
  rounds: number[];
  chosen: number[];
}

/**
 * A rounding draws on the relaxation's weeks over the latest 12 % of the ascent's rounds (088): the later
 * rounds' average is nearer the LP's mix. Mean gaps over three seeds on the two varied 300 × 6 cases
 * (one week 15 min / two weeks 30 min): 50 % of the rounds 0.53 / 0.64, 25 % 0.47 / 0.55,
 * 20 % 0.41 / 0.59, 12 % 0.40–0.46 / 0.51–0.54, 6 % 0.51 / 0.58.
 */
export const MIX_SHARE = 0.12;

/**
 * Every class's best week per round of the ascent, kept compactly (distinct weeks once, encoded in one
 * buffer; rounds as offsets) and only for the latest `keep` share of the rounds: older rounds are
 * dropped each time the count doubles, so memory stays within a few times what one mix needs.
 */
export class PlanPool {
  private classes = new Map<string, ClassLog>();
  private arena = new Arena();
  rounds = 0;
  private prunedAt = 8;

  constructor(private readonly keep = MIX_SHARE) {}

  /** Records that `plan` was the class's best week in round `round` (rounds numbered from 1, ascending). */
  add(key: string, plan: PlacedShift[], round: number): void {
    if (round > this.rounds) {
      this.rounds = round;
      if (round >= 2 * this.prunedAt) this.prune();
    }
    let entry = this.classes.get(key);
    if (!entry) this.classes.set(key, (entry = { byHash: new Map(), rounds: [], chosen: [] }));
    // Written past the end first: kept only if the class has not had this week before.
    const { arena } = this;
    const length = weekLength(plan);
    arena.reserve(length);
    const at = arena.used;
    writeWeek(plan, arena.data, at);
    const hash = weekHash(arena.data, at, length);
    const bucket = entry.byHash.get(hash);
    let offset = bucket?.find((o) => sameWeek(arena.data, o, at, length));
    if (offset === undefined) {
      offset = at;
      arena.used += length;
      if (bucket) bucket.push(offset);
      else entry.byHash.set(hash, [offset]);
    }
    entry.rounds.push(round);
    entry.chosen.push(offset);
  }

  private firstRound(share: number): number {
    return this.rounds - Math.max(1, Math.ceil(this.rounds * Math.min(share, this.keep)));
  }

  /** Drops the rounds no mix can ask for any more, and the weeks only they used (into a fresh buffer). */
  private prune(): void {
    this.prunedAt = this.rounds;
    const from = this.firstRound(this.keep);
    const old = this.arena.data;
    const arena = new Arena();
    const classes = new Map<string, ClassLog>();
    for (const [key, entry] of this.classes) {
      let cut = 0;
      while (cut < entry.rounds.length && entry.rounds[cut] <= from) cut++;
      if (cut === entry.rounds.length) continue;
      const fresh: ClassLog = { byHash: new Map(), rounds: entry.rounds.slice(cut), chosen: [] };
      const moved = new Map<number, number>();
      for (const was of entry.chosen.slice(cut)) {
        let offset = moved.get(was);
        if (offset === undefined) {
          offset = arena.copy(old, was);
          moved.set(was, offset);
          const hash = weekHash(arena.data, offset, arena.used - offset);
          const bucket = fresh.byHash.get(hash);
          if (bucket) bucket.push(offset);
          else fresh.byHash.set(hash, [offset]);
        }
        fresh.chosen.push(offset);
      }
      classes.set(key, fresh);
    }
    this.classes = classes;
    this.arena = arena;
  }

  /** The mix over the latest `share` of the rounds so far (at least one round; at most the share kept). */
  mix(share: number): PlanMix {
    const from = this.firstRound(share);
    const out = new Arena();
    const classes: PlanMix["classes"] = [];
    for (const [key, entry] of this.classes) {
      const counts = new Map<number, number>();
      for (let i = entry.rounds.length - 1; i >= 0 && entry.rounds[i] > from; i--) counts.set(entry.chosen[i], (counts.get(entry.chosen[i]) ?? 0) + 1);
      if (counts.size === 0) continue;
      const offsets = [...counts.keys()].sort((a, b) => a - b);
      classes.push({ key, offsets: offsets.map((o) => out.copy(this.arena.data, o)), counts: offsets.map((o) => counts.get(o)!) });
    }
    return { rounds: this.rounds - from, data: out.data.slice(0, out.used), classes };
  }
}

/**
 * One week per agent drawn from the mix: each class's members are spread over its weeks in proportion
 * to the rounds each was best (systematic sampling from a random offset, so the counts match the mix
 * to within one member), the rounds where the class idled leaving members idle. The result is a
 * start, not a schedule to keep as is: weeks of different classes overlap where the relaxation split
 * them, and the caller improves it under the exact objective.
 */
export function roundMix(model: CompiledInstance, mix: PlanMix, random: Random): PlacedShift[][] {
  const plans: PlacedShift[][] = model.agents.map(() => []);
  const members = new Map<string, number[]>();
  for (const agent of model.agents) {
    const list = members.get(agent.classKey);
    if (list) list.push(agent.index);
    else members.set(agent.classKey, [agent.index]);
  }
  for (const { key, offsets, counts } of mix.classes) {
    const group = members.get(key);
    if (!group) continue;
    const weeks = offsets.map((at) => decodeWeek(mix.data, at));
    const n = group.length;
    const offset = random();
    for (let i = 0; i < n; i++) {
      let slot = ((i + offset) / n) * mix.rounds;
      let w = 0;
      while (w < weeks.length && slot >= counts[w]) slot -= counts[w++];
      plans[group[i]] = w < weeks.length ? weeks[w] : [];
    }
  }
  return plans;
}
