// Areas as sets of lattice cells, one column interval per row. Splitting a region along lattice
// lines partitions it exactly, and tracing its outline through every lattice vertex on the way
// gives neighbours the very same shared-edge coordinates: no gaps, no overlaps, no T-junctions.

/** A cell region: row `row0 + k` holds the cells whose column is in `spans[k]` = [from, to). */
export type Region = { row0: number; spans: readonly (readonly [number, number])[] };

/** A lattice vertex: column line i, row line j. */
export type LatticePoint = readonly [number, number];

/**
 * Throws unless the region traces as one simple ring: every row non-empty, and each row
 * sharing at least one column with the next (so no holes and no cells touching only at a corner).
 */
export function checkRegion(r: Region, label: string): void {
  if (r.spans.length === 0) throw new Error(`${label}: empty region`);
  r.spans.forEach(([a, b], k) => {
    if (b <= a) throw new Error(`${label}: row ${r.row0 + k} is empty`);
    const nextSpan = r.spans[k + 1];
    if (nextSpan && Math.max(a, nextSpan[0]) >= Math.min(b, nextSpan[1])) {
      throw new Error(`${label}: rows ${r.row0 + k} and ${r.row0 + k + 1} do not overlap`);
    }
  });
}

/** Row counts for `parts` pieces of `n` rows, as even as possible; `extraFirst` decides who gets the spare rows. */
export function evenSizes(n: number, parts: number, extraFirst = false): number[] {
  const base = Math.floor(n / parts);
  const extra = n % parts;
  return Array.from({ length: parts }, (_, k) => base + ((extraFirst ? k < extra : k >= parts - extra) ? 1 : 0));
}

/** Cuts a region along row lines into consecutive bands of the given heights (south to north). */
export function splitRows(r: Region, sizes: readonly number[]): Region[] {
  if (sizes.reduce((s, n) => s + n, 0) !== r.spans.length) throw new Error('row sizes do not add up');
  let k = 0;
  return sizes.map((n) => {
    const part = { row0: r.row0 + k, spans: r.spans.slice(k, k + n) };
    k += n;
    return part;
  });
}

/**
 * Cuts each row of a region into `parts` pieces (west to east) at proportional columns,
 * moved by `shift(row, cut)` cells: a staircase rather than a straight line.
 */
export function splitCols(r: Region, parts: number, shift: (row: number, cut: number) => number = () => 0): Region[] {
  const out: [number, number][][] = Array.from({ length: parts }, () => []);
  r.spans.forEach(([a, b], k) => {
    const cuts = [a];
    for (let c = 1; c < parts; c++) cuts.push(a + Math.round(((b - a) * c) / parts) + shift(r.row0 + k, c));
    cuts.push(b);
    for (let p = 0; p < parts; p++) out[p]!.push([cuts[p]!, cuts[p + 1]!]);
  });
  return out.map((spans) => ({ row0: r.row0, spans }));
}

/** Every cell [column, row] of the region. */
export function regionCells(r: Region): [number, number][] {
  const cells: [number, number][] = [];
  r.spans.forEach(([a, b], k) => {
    for (let i = a; i < b; i++) cells.push([i, r.row0 + k]);
  });
  return cells;
}

/**
 * The outline as a closed ring of lattice vertices, counter-clockwise (column east, row north),
 * passing through every lattice vertex on the boundary.
 */
export function regionRing(r: Region): LatticePoint[] {
  const ring: LatticePoint[] = [];
  const add = (i: number, j: number) => {
    const last = ring[ring.length - 1];
    if (!last || last[0] !== i || last[1] !== j) ring.push([i, j]);
  };
  const walk = (from: number, to: number, j: number) => {
    const step = to >= from ? 1 : -1;
    for (let i = from; i !== to + step; i += step) add(i, j);
  };
  const n = r.spans.length;
  const span = (k: number) => r.spans[k]!;
  walk(span(0)[0], span(0)[1], r.row0); // south edge, west to east
  for (let k = 0; k < n; k++) {
    // east side, going north
    add(span(k)[1], r.row0 + k + 1);
    if (k + 1 < n) walk(span(k)[1], span(k + 1)[1], r.row0 + k + 1);
  }
  walk(span(n - 1)[1], span(n - 1)[0], r.row0 + n); // north edge, east to west
  for (let k = n - 1; k >= 0; k--) {
    // west side, going south
    add(span(k)[0], r.row0 + k);
    if (k > 0) walk(span(k)[0], span(k - 1)[0], r.row0 + k);
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  return ring;
}
