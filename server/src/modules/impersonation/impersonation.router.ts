import { router } from '../../trpc/procedures.ts';

export const impersonationRouter = router({});
