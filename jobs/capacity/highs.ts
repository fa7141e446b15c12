// The one HiGHS (WASM) runtime of the process and a small sparse-model builder that feeds it column-wise data.
import highsLoader, { type Highs, type ModelData } from "highs";

let runtime: Promise<Highs> | undefined;

/** Loads the WASM build once per process; every solve then creates its own native model. */
export function loadHighs(): Promise<Highs> {
  runtime ??= highsLoader();
  return runtime;
}

/**
 * Collects columns, rows and coefficients as triplets and packs them into HiGHS's CSC form.
 * Building the numeric model directly (rather than LP text) keeps a 10 × 52 plan's model build in
 * milliseconds and avoids parsing names.
 */
export class SparseModel {
  readonly cost: number[] = [];
  readonly colLower: number[] = [];
  readonly colUpper: number[] = [];
  readonly integer: boolean[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  private readonly entryRow: number[] = [];
  private readonly entryCol: number[] = [];
  private readonly entryValue: number[] = [];
  offset = 0;

  addCol(cost: number, lower: number, upper: number, integer = false): number {
    this.cost.push(cost);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.integer.push(integer);
    return this.cost.length - 1;
  }

  addRow(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  add(row: number, col: number, value: number): void {
    if (value === 0) return;
    this.entryRow.push(row);
    this.entryCol.push(col);
    this.entryValue.push(value);
  }

  /** A copy to change (bounds, costs, extra rows and columns) without touching this one. */
  clone(): SparseModel {
    const c = new SparseModel();
    const copy = (from: readonly (number | boolean)[], to: (number | boolean)[]) => {
      for (const v of from) to.push(v);
    };
    copy(this.cost, c.cost);
    copy(this.colLower, c.colLower);
    copy(this.colUpper, c.colUpper);
    copy(this.integer, c.integer);
    copy(this.rowLower, c.rowLower);
    copy(this.rowUpper, c.rowUpper);
    copy(this.entryRow, c.entryRow);
    copy(this.entryCol, c.entryCol);
    copy(this.entryValue, c.entryValue);
    c.offset = this.offset;
    return c;
  }

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  get numNonzeros(): number {
    return this.entryValue.length;
  }

  /** CSC packing by counting sort; duplicate (row, col) entries are summed. */
  toModelData(infinity: number): ModelData {
    const n = this.numCols;
    const nnz = this.entryValue.length;
    const starts = new Int32Array(n + 1);
    for (let k = 0; k < nnz; k++) starts[this.entryCol[k] + 1]++;
    for (let j = 0; j < n; j++) starts[j + 1] += starts[j];
    const fill = starts.slice(0, n);
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    for (let k = 0; k < nnz; k++) {
      const at = fill[this.entryCol[k]]++;
      indices[at] = this.entryRow[k];
      values[at] = this.entryValue[k];
    }
    // Merge duplicates within each column (rows are appended in increasing order per column by construction, but be safe).
    const outStarts = new Int32Array(n + 1);
    const outIndices: number[] = [];
    const outValues: number[] = [];
    const seen = new Map<number, number>();
    for (let j = 0; j < n; j++) {
      seen.clear();
      for (let k = starts[j]; k < starts[j + 1]; k++) {
        const at = seen.get(indices[k]);
        if (at === undefined) {
          seen.set(indices[k], outIndices.length);
          outIndices.push(indices[k]);
          outValues.push(values[k]);
        } else outValues[at] += values[k];
      }
      outStarts[j + 1] = outIndices.length;
    }
    const clamp = (v: number) => (v === Infinity ? infinity : v === -Infinity ? -infinity : v);
    return {
      numCols: n,
      numRows: this.numRows,
      offset: this.offset,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.colLower, clamp),
      colUpper: Float64Array.from(this.colUpper, clamp),
      rowLower: Float64Array.from(this.rowLower, clamp),
      rowUpper: Float64Array.from(this.rowUpper, clamp),
      matrix: {
        format: "csc",
        numRows: this.numRows,
        numCols: n,
        starts: outStarts,
        indices: Int32Array.from(outIndices),
        values: Float64Array.from(outValues),
      },
      integrality: Int32Array.from(this.integer, (b) => (b ? 1 : 0)),
    };
  }
}
