// Values in PostgreSQL's COPY text format, and points as hex EWKB (the geometry type's own input
// format, cheaper for the server to parse than WKT).

export type CopyValue = string | number | boolean | null | readonly string[] | Record<string, unknown>;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
// Array elements are quoted when they hold anything but plain word characters.
const arrayItem = (s: string) => (/^[\w.-]+$/.test(s) ? s : `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`);

/** One value as a COPY text field: `\N` for null, `t`/`f`, `{a,b}` for text[], JSON for objects. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot COPY ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return escapeText(`{${(v as readonly string[]).map(arrayItem).join(',')}}`);
  return escapeText(JSON.stringify(v));
}

/** A row as one COPY text line, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let k = 0; k < values.length; k++) line += (k ? '\t' : '') + copyField(values[k]!);
  return `${line}\n`;
}

const point = Buffer.alloc(25);
// Little-endian, type Point with the SRID flag (0x20000001), SRID 4326.
point.write('0101000020e6100000', 'hex');

/** A WGS-84 point as hex EWKB, e.g. for a geometry(Point, 4326) column. */
export function pointEwkb(lon: number, lat: number): string {
  point.writeDoubleLE(lon, 9);
  point.writeDoubleLE(lat, 17);
  return point.toString('hex');
}
