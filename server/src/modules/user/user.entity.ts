import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from '../../db/tenant-filter.ts';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: idProperty(),
    email: p.string().length(254).unique(),
    name: p.string().length(120),
    passwordHash: p.string().nullable(),
    emailVerifiedAt: p.datetime().nullable(),
    locale: p.string().length(8).default('pt-BR'),
    /** Platform support staff: can see every tenant and impersonate tenant users. */
    isStaff: p.boolean().default(false),
    createdAt: createdAtProperty(),
    lastLoginAt: p.datetime().nullable(),
  },
});
export class User extends UserSchema.class {}
UserSchema.setClass(User);
