import { router } from '../../trpc/procedures.ts';

export const tenantRouter = router({});
