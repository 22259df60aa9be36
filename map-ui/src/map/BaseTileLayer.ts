// The base map tiles from /api/config, which tell the view when no tile can be had (closed government networks).
import * as L from 'leaflet';

export type BaseTileLayerOptions = L.TileLayerOptions & {
  /** Told `false` when a whole view's tiles failed and none loaded, `true` once one loads again. */
  onAvailabilityChange?: (available: boolean) => void;
};

export class BaseTileLayer extends L.TileLayer {
  private loadedTiles = 0;
  private failedTiles = 0;
  private available = true;
  private readonly onAvailabilityChange: ((available: boolean) => void) | undefined;

  constructor(urlTemplate: string, options: BaseTileLayerOptions = {}) {
    const { onAvailabilityChange, ...tileOptions } = options;
    // A failed tile keeps its empty alt and stays hidden (Leaflet only shows loaded tiles), so the
    // map's plain background shows through instead of broken-image icons.
    super(urlTemplate, tileOptions);
    this.onAvailabilityChange = onAvailabilityChange;
    this.on('tileload', () => this.countTile(true));
    this.on('tileerror', () => this.countTile(false));
    // 'load' fires when every tile of the current view has settled, loaded or failed.
    this.on('load', () => {
      if (this.loadedTiles === 0 && this.failedTiles > 0) this.setAvailable(false);
      this.loadedTiles = 0;
      this.failedTiles = 0;
    });
  }

  private countTile(ok: boolean): void {
    if (ok) {
      this.loadedTiles += 1;
      this.setAvailable(true);
    } else {
      this.failedTiles += 1;
    }
  }

  private setAvailable(available: boolean): void {
    if (available === this.available) return;
    this.available = available;
    this.onAvailabilityChange?.(available);
  }
}
