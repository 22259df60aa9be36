// The routes of /openapi.json, turned into request arbitraries: every path, method, parameter and body.
import fc from 'fast-check';
import { photoArb, valueArb } from './hostile';

type Schema = { type?: string; enum?: unknown[]; example?: unknown; properties?: Record<string, Schema>; items?: Schema };
type Param = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema };
type Operation = { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
export type Route = { method: string; path: string; op: Operation };
export type FuzzRequest = { method: string; url: string; body?: BodyInit; headers: Record<string, string>; route: string };

/** Every operation in the document (the SSE stream is left out: it never ends). */
export function routesOf(doc: { paths: Record<string, Record<string, Operation>> }): Route[] {
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (path.includes('/events/stream')) continue;
      out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

const pathValue = fc.oneof(fc.integer({ min: 1, max: 300 }).map(String), valueArb(undefined).map(encodeURIComponent));

function jsonBody(schema: Schema | undefined): fc.Arbitrary<string> {
  const props = Object.entries(schema?.properties ?? {});
  const obj = fc.record(Object.fromEntries(props.map(([k, s]) => [k, valueArb(s)])), { requiredKeys: [] });
  return fc.oneof(
    { weight: 5, arbitrary: obj.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.constantFrom('{', 'null', '[]', '"x"', '{"a":' + '['.repeat(5000), '\u0000') },
    { weight: 1, arbitrary: fc.json() },
  );
}

function multipartBody(schema: Schema | undefined): fc.Arbitrary<{ body: BodyInit; headers: Record<string, string> }> {
  const fields = Object.entries(schema?.properties ?? {}).filter(([k]) => !/photos$/.test(k));
  const form = fc.tuple(
    fc.record(Object.fromEntries(fields.map(([k, s]) => [k, valueArb(s)])), { requiredKeys: [] }),
    fc.array(photoArb, { maxLength: 3 }),
  ).map(([vals, photos]) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(vals)) f.append(k, v);
    for (const [bytes, name, type] of photos) f.append('photos', new File([new Uint8Array(bytes)], name, { type }));
    return { body: f as BodyInit, headers: {} };
  });
  // Broken multipart: a boundary that never closes, a missing boundary, garbage.
  const broken = fc.constantFrom(
    { body: '--b\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n\xff\xd8', headers: { 'content-type': 'multipart/form-data; boundary=b' } },
    { body: 'no boundary here', headers: { 'content-type': 'multipart/form-data' } },
    { body: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=y' } },
  );
  return fc.oneof({ weight: 4, arbitrary: form }, { weight: 1, arbitrary: broken });
}

/** One arbitrary request for a route; `auth` chooses the caller (a role's bearer, or none). */
export function requestArb(r: Route, auths: Record<string, string>[]): fc.Arbitrary<FuzzRequest> {
  const params = r.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const content = r.op.requestBody?.content ?? {};
  const mp = content['multipart/form-data'];
  const js = content['application/json'];
  const body: fc.Arbitrary<{ body?: BodyInit; headers: Record<string, string> }> =
    mp && js ? fc.oneof(multipartBody(mp.schema), jsonBody(js.schema).map((b) => ({ body: b, headers: { 'content-type': 'application/json' } })))
    : mp ? multipartBody(mp.schema)
    : js ? jsonBody(js.schema).map((b) => ({ body: b, headers: { 'content-type': 'application/json' } }))
    : fc.constant({ headers: {} });
  return fc.record({
    pv: fc.tuple(...pathParams.map(() => pathValue)),
    qv: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueArb(p.schema)])), { requiredKeys: [] }),
    b: body,
    auth: fc.constantFrom(...auths),
  }).map(({ pv, qv, b, auth }) => {
    let path = r.path;
    pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, pv[i]!)));
    const qs = new URLSearchParams(qv as Record<string, string>).toString();
    return { method: r.method, url: path + (qs ? `?${qs}` : ''), body: b.body, headers: { ...auth, ...b.headers }, route: `${r.method} ${r.path}` };
  });
}
