// The tables kept by triggers on cases, which the bulk load skips: recomputed from cases afterwards
// by the features that own them.
import type { Db } from '../../db/db';
import { rebuildMapCells } from '../../features/map/map-cells.repo';
import { rebuildStatsRollup } from '../../features/stats/stats-rollup.repo';

/** Rebuilds the map cells and the statistics rollup, one transaction each. */
export async function rebuildDerivedTables(db: Db, log: (line: string) => void): Promise<void> {
  const t0 = performance.now();
  await db.transaction((tx) => rebuildMapCells(tx));
  log(`  map cells rebuilt (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const t1 = performance.now();
  await db.transaction((tx) => rebuildStatsRollup(tx));
  log(`  statistics rollup rebuilt (${((performance.now() - t1) / 1000).toFixed(1)} s)`);
}
