export * from './schemas/account.ts';
export * from './schemas/permissions.ts';
