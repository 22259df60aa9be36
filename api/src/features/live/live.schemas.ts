// Request shapes of GET /api/events/stream: where to resume, from the header or the query.
import { z } from '@hono/zod-openapi';

// Event ids are bigserial values; anything else is not an id we ever sent.
const EventId = z
  .string()
  .regex(/^\d{1,15}$/, 'an event id: digits only')
  .transform(Number);

export const StreamQuery = z.object({
  last_event_id: EventId.optional().openapi({
    type: 'string',
    description: 'Resume after this event, for clients that cannot set the Last-Event-ID header',
    example: '1042',
  }),
});

export const StreamHeaders = z.object({
  'last-event-id': EventId.optional().openapi({
    type: 'string',
    description: 'Sent by browsers on reconnect: replay what came after this event (wins over the query parameter)',
  }),
});

export const STREAM_DESCRIPTION = [
  'Server-sent events for the cases in your scope.',
  'On connect: `retry:`, then `event: ready` (or `event: reset`: reload, too much was missed or the id is unknown).',
  'Each change: `id: <event id>`, `event: case`, `data: {"event_id","case_id","code","action","from","to","status",',
  '"actor_role","at","category","severity","lon","lat","due_at"}`. A comment heartbeat carries the current `id:`.',
  'Reconnect with Last-Event-ID (or ?last_event_id=) to replay what you missed.',
].join(' ');
