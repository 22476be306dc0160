import { z } from 'zod';
import { isoDateTimeSchema, nameSchema } from './common.schema';
import { uuidSchema } from '../ids/uuidv7';
import { currencyCodeSchema, localeSchema } from './hub-settings.schema';

export const roles = ['admin', 'manager', 'staff'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'may contain only letters, digits, ".", "_", "@" and "-"');
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const userSchema = z.object({
  id: uuidSchema,
  username: usernameSchema,
  name: nameSchema,
  role: roleSchema,
  storeIds: z.array(uuidSchema),
  active: z.boolean(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type User = z.infer<typeof userSchema>;

export const registerInputSchema = z.strictObject({
  username: usernameSchema,
  name: nameSchema,
  password: passwordSchema,
  /** The hub's currency and default language, chosen by the first account only (the hub's setup); ignored later. */
  currency: currencyCodeSchema.optional(),
  defaultLocale: localeSchema.optional(),
});
export type RegisterInput = z.infer<typeof registerInputSchema>;

export const loginInputSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(1, 'must not be empty').max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

/** `GET /auth/setup`: whether this hub still waits for its first account (the web opens Register then). */
export const setupStateSchema = z.object({ needsFirstUser: z.boolean() });
export type SetupState = z.infer<typeof setupStateSchema>;

/** `POST /auth/password`: anyone signed in changes their own password. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty').max(200),
  password: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const loginResultSchema = z.object({ token: z.string(), expiresAt: isoDateTimeSchema, user: userSchema });
export type LoginResult = z.infer<typeof loginResultSchema>;

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  name: nameSchema,
  password: passwordSchema,
  role: roleSchema,
  storeIds: z.array(uuidSchema).max(1000).default([]),
  pin: pinSchema.optional(),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  password: passwordSchema.optional(),
  /** Required when people change their own password: proof it is them, not someone at their open session. */
  currentPassword: z.string().min(1, 'must not be empty').max(200).optional(),
  role: roleSchema.optional(),
  storeIds: z.array(uuidSchema).max(1000).optional(),
  active: z.boolean().optional(),
  pin: pinSchema.nullable().optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

/** What a device pulls to let staff sign in offline: never the password hash. */
export const staffMemberSchema = z.object({
  id: uuidSchema,
  username: usernameSchema,
  name: nameSchema,
  role: roleSchema,
  pinHash: z.string().nullable(),
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
