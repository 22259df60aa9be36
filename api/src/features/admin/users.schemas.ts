// Request and response shapes of /api/admin/users; they validate and document at once.
import { z } from '@hono/zod-openapi';
import { ROLES } from '../auth/auth.types';
import { AreaRef, AreaSummary, BoolParam, Id, Phone, UnitRef, UnitSummary } from './common.schemas';

// Typed the way people type them, stored lower-case: login lower-cases what it is given too.
const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,64}$/, '2–64 characters: a–z, 0–9, dot, underscore or hyphen')
  .openapi({ example: 'zhang.wei', description: 'Stored lower-case; upper-case letters are lower-cased' });

const DisplayName = z.string().trim().min(1).max(64).openapi({ example: '张伟' });
const Password = z.string().min(10, 'at least 10 characters').max(256).openapi({ description: 'At least 10 characters; stored as a scrypt hash' });
const Role = z.enum(ROLES);

export const UsersQuery = z.object({
  role: Role.optional(),
  area: z.string().trim().min(1).max(64).optional().openapi({ description: 'Users in this area or below it (code or id)' }),
  unit: z.string().trim().min(1).max(64).optional().openapi({ description: 'Users of this unit (code or id)' }),
  active: BoolParam.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
  q: z.string().trim().min(1).max(64).optional().openapi({ description: 'Part of the user name or display name' }),
});

export const NewUserBody = z
  .strictObject({
    username: Username,
    display_name: DisplayName,
    role: Role,
    area: AreaRef.nullish().openapi({ description: 'Required for every role but admin and handler' }),
    unit: UnitRef.nullish().openapi({ description: 'Required for a handler' }),
    phone: Phone.nullish(),
    password: Password,
  })
  .openapi('NewUser');

export const UserPatchBody = z
  .strictObject({
    display_name: DisplayName.optional(),
    role: Role.optional(),
    area: AreaRef.nullable().optional().openapi({ description: 'null clears it (admins and handlers only)' }),
    unit: UnitRef.nullable().optional().openapi({ description: 'null clears it (not for a handler)' }),
    phone: Phone.nullable().optional(),
    active: z.boolean().optional().openapi({ description: 'false ends every session of the user at once' }),
    password: Password.optional().openapi({ description: "A reset; ends the user's sessions (unless it is your own)" }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .openapi('UserPatch');

export const UserSchema = z
  .object({
    id: Id,
    username: z.string(),
    display_name: z.string(),
    role: Role,
    area: AreaSummary.nullable(),
    unit: UnitSummary.nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    created_at: z.string().openapi({ format: 'date-time' }),
    last_seen_at: z.string().nullable().openapi({ format: 'date-time', description: 'The latest use of any of their sessions' }),
  })
  .openapi('AdminUser');

export const UserList = z.object({ users: z.array(UserSchema) }).openapi('AdminUserList');

export const UserPatchResult = UserSchema.extend({
  sessions_ended: z.number().int().openapi({ description: 'Sessions this change logged out' }),
}).openapi('AdminUserPatched');

export type NewUserInput = z.infer<typeof NewUserBody>;
export type UserPatchInput = z.infer<typeof UserPatchBody>;
export type UsersFilter = z.infer<typeof UsersQuery>;
