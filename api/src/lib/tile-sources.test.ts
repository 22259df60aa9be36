import { describe, expect, it } from 'vitest';
import { tileSources } from './tile-sources';

describe('tileSources', () => {
  it('turns tile templates into CSP host sources, widening a subdomain placeholder to *', () => {
    expect(
      tileSources([
        'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
        'https://t{s}.tianditu.gov.cn/vec_w/wmts?LAYER=vec&TILEMATRIX={z}',
        'http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png',
        'https://{s}.tile.openstreetmap.org/other/{z}/{x}/{y}.png',
      ]),
    ).toEqual(['https://*.tile.openstreetmap.org', 'https://*.tianditu.gov.cn', 'http://127.0.0.1:8081']);
  });

  it('leaves out relative templates (same origin already) and placeholders below the leftmost label', () => {
    expect(tileSources(['/tiles/{z}/{x}/{y}.png', 'https://tiles.{s}.example.com/{z}/{x}/{y}.png'])).toEqual([]);
  });
});
