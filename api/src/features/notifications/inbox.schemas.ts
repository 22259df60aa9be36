// Request and response shapes of the inbox endpoints.
import { z } from '@hono/zod-openapi';
import { NOTIFICATION_KINDS } from './notifier';

export const InboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ type: 'string', description: 'true: only unread notifications' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional().openapi({ type: 'integer', description: 'Page on: only notifications older than this id (next_before)' }),
});

const InboxItem = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    case: z.object({ id: z.number().int(), code: z.string(), status: z.string() }),
    event_id: z.number().int().nullable(),
    title_zh: z.string(),
    title_en: z.string(),
    due_at: z.string().nullable().openapi({ description: "For 'overdue': the deadline that passed" }),
    created_at: z.string(),
    read_at: z.string().nullable(),
  })
  .openapi('InboxItem');

export const InboxResponse = z
  .object({
    items: z.array(InboxItem),
    unread_count: z.number().int(),
    next_before: z.number().int().nullable(),
  })
  .openapi('Inbox');

export const MarkReadBody = z
  .union([
    z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ])
  .openapi('MarkRead', { description: '{"ids": [...]} or {"all": true}' });

export const MarkReadResponse = z.object({ marked: z.number().int(), unread_count: z.number().int() }).openapi('MarkReadResult');
