// Date and date-time query parameters, bounded to the years the service can mean. Year 0 or 9999
// passes ISO 8601 but breaks date arithmetic downstream (a RangeError in the statistics).
import { z } from '@hono/zod-openapi';

/** The years a query date may fall in; cases exist only from the service's start, and plans end well before 2100. */
export const QUERY_YEARS = { min: 2000, max: 2100 } as const;

const inRange = (s: string) => {
  const year = Number(s.slice(0, 4));
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
  return Number.isFinite(t) && year >= QUERY_YEARS.min && year <= QUERY_YEARS.max;
};
const rangeMessage = `must fall in the years ${QUERY_YEARS.min}–${QUERY_YEARS.max}`;

/** An ISO 8601 date-time with Z or an offset, years 2000–2100. */
export const QueryDateTime = z.iso
  .datetime({ offset: true })
  .refine(inRange, rangeMessage)
  .openapi({ type: 'string', format: 'date-time' });

/** A plain date (YYYY-MM-DD) or a date-time with Z or an offset, years 2000–2100. */
export const QueryInstant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .refine(inRange, rangeMessage)
  .openapi({ type: 'string' });
