// SQL for serving photos: a photo's stored files, if its case is in the caller's scope.
import type { Queryable } from '../../db/db';
import type { SqlFragment } from '../cases/case-scope';

export type PhotoFiles = {
  mime: string;
  originalKey: string;
  displayKey: string;
  displayMime: string;
  thumbKey: string;
  thumbMime: string;
};

const FIND_VISIBLE = `
  SELECT p.mime, p.original_key AS "originalKey", p.display_key AS "displayKey", p.display_mime AS "displayMime",
         p.thumb_key AS "thumbKey", p.thumb_mime AS "thumbMime"
  FROM photos p JOIN cases c ON c.id = p.case_id
  WHERE p.id = $1::uuid`;

const REFERENCED_KEYS = `
  SELECT k.key FROM unnest($1::text[]) AS k (key)
  WHERE EXISTS (SELECT 1 FROM photos WHERE original_key = k.key)
     OR EXISTS (SELECT 1 FROM photos WHERE display_key = k.key)
     OR EXISTS (SELECT 1 FROM photos WHERE thumb_key = k.key)`;

// Per-key advisory locks, taken in key order (the caller passes the keys sorted; unnest keeps that order) so two holders of overlapping sets cannot deadlock.
// Writers take them before inserting photo rows, and whoever deletes a file takes them before
// checking that no row refers to it: so a delete and a new reference never interleave.
const LOCK_KEYS = `
  SELECT count(pg_advisory_xact_lock(hashtext(k))) AS locked FROM unnest($1::text[]) WITH ORDINALITY AS u (k, n)`;

export const photosRepo = {
  /** Locks blob keys until the end of the transaction (see LOCK_KEYS). */
  lockKeys: async (q: Queryable, keys: string[]) => {
    if (keys.length) await q.query(LOCK_KEYS, [[...new Set(keys)].sort()]);
  },
  findVisible: async (q: Queryable, id: string, scope: SqlFragment) =>
    (await q.query<PhotoFiles>(`${FIND_VISIBLE} AND ${scope.sql}`, [id, ...scope.params]))[0],
  /** Which of these blob keys some photo still refers to (the orphan sweep asks in batches). */
  referencedKeys: async (q: Queryable, keys: string[]) =>
    new Set((await q.query<{ key: string }>(REFERENCED_KEYS, [keys])).map((r) => r.key)),
};
