import { router } from '../../trpc/procedures.ts';

export const authRouter = router({});
