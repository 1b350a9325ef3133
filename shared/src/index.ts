export * from './pricing.ts';
export * from './protocol/index.ts';
export * from './schemas/account.ts';
export * from './schemas/bots.ts';
export * from './schemas/gateway.ts';
export * from './schemas/permissions.ts';
export * from './schemas/staff.ts';
export * from './schemas/workspace.ts';
