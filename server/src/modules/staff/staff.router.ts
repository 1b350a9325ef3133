import { router } from '../../trpc/procedures.ts';

export const staffRouter = router({});
