import { router } from '../../trpc/procedures.ts';

export const memberRouter = router({});
