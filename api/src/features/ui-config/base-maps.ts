// The base maps the UI may offer, from the settings. Tianditu's `_w` tiles are Web Mercator on
// CGCS2000, which lines up with WGS-84 at map scale; Amap draws in GCJ-02, so the UI shifts our
// points for display when it is chosen. Stored coordinates are never shifted.
import type { Config } from '../../config';

export type BaseMap = {
  id: 'osm' | 'tianditu' | 'amap';
  /** Tile URL templates drawn bottom to top (Tianditu: the map, then its labels). */
  layers: string[];
  subdomains: string;
  attribution: string;
  /** The datum the tiles are drawn in. */
  datum: 'wgs84' | 'gcj02';
  maxZoom: number;
};

const tiandituLayer = (layer: 'vec' | 'cva', key: string) =>
  `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default` +
  `&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;

/** The first entry is the default. */
export function baseMaps(config: Pick<Config, 'tileUrl' | 'tileAttribution' | 'tiandituKey' | 'amapTileUrl'>): BaseMap[] {
  const maps: BaseMap[] = [
    { id: 'osm', layers: [config.tileUrl], subdomains: 'abc', attribution: config.tileAttribution, datum: 'wgs84', maxZoom: 19 },
  ];
  if (config.tiandituKey) {
    maps.push({
      id: 'tianditu',
      layers: [tiandituLayer('vec', config.tiandituKey), tiandituLayer('cva', config.tiandituKey)],
      subdomains: '01234567',
      attribution: '© 天地图 Tianditu',
      datum: 'wgs84',
      maxZoom: 18,
    });
  }
  if (config.amapTileUrl) {
    maps.push({ id: 'amap', layers: [config.amapTileUrl], subdomains: '1234', attribution: '© 高德地图 AutoNavi', datum: 'gcj02', maxZoom: 18 });
  }
  return maps;
}
