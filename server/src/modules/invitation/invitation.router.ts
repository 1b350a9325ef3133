import { router } from '../../trpc/procedures.ts';

export const invitationRouter = router({});
