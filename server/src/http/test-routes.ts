// Routes that exist only in demo and test modes: move the server clock, read the e-mail outbox.
// main.ts never mounts them in production mode.

import { ZEmail, ZPassword, ZPersonName, ZPlanId } from '@colmeia/shared';
import { hash } from '@node-rs/argon2';
import express, { type Router } from 'express';
import { z } from 'zod';
import { createContainer } from '../container.ts';
import type { Deps } from '../deps.ts';
import { EmailRepository } from '../modules/email/email.repository.ts';
import { UserRepository } from '../modules/user/user.repository.ts';

const ZClock = z.object({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(366 * 86_400_000)
    .optional(),
  reset: z.boolean().optional(),
});

export function testRoutes(deps: Deps): Router {
  const r = express.Router();
  r.use(express.json({ limit: '10kb' }));
  r.post('/clock', (req, res) => {
    const body = ZClock.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: z.prettifyError(body.error) });
      return;
    }
    if (body.data.reset) deps.clock.reset();
    if (body.data.advanceMs) deps.clock.advance(body.data.advanceMs);
    deps.billing.entitlements.clear();
    res.json({ now: deps.clock.now().toISOString() });
  });
  r.get('/outbox', async (req, res) => {
    const to = typeof req.query.to === 'string' ? req.query.to : undefined;
    const rows = await new EmailRepository(deps.orm.em.fork()).list({ to, limit: 50 });
    res.json(
      rows.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        kind: m.kind,
        createdAt: m.createdAt,
      })),
    );
  });
  // Puts a workspace on a plan without payment (a staff comp), for suites about other features.
  r.post('/billing/plan', async (req, res) => {
    const body = ZTestPlan.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: z.prettifyError(body.error) });
      return;
    }
    await createContainer(deps).billing.sync.withRow(body.data.tenantId, (row) => {
      Object.assign(row, { compPlan: body.data.plan, compUntil: null, compBy: 'test' });
    });
    res.json({ ok: true });
  });
  // Runs the billing tick now (dunning, comps ending, purges) instead of waiting for its timer.
  r.post('/billing/tick', async (_req, res) => {
    res.json(await createContainer(deps).billing.jobs.tick());
  });
  // Seeds a verified user (optionally support staff) for the e2e suite; staff cannot be made
  // through the public API.
  r.post('/users', async (req, res) => {
    const body = ZTestUser.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: z.prettifyError(body.error) });
      return;
    }
    const users = new UserRepository(deps.orm.em.fork());
    if (await users.findByEmail(body.data.email)) {
      res.status(409).json({ error: 'exists' });
      return;
    }
    const user = users.create({
      email: body.data.email,
      name: body.data.name,
      passwordHash: await hash(body.data.password),
      locale: 'pt-BR',
      isStaff: body.data.staff,
      emailVerifiedAt: deps.clock.now(),
    });
    await users.flush();
    res.status(201).json({ id: user.id });
  });
  return r;
}

const ZTestUser = z.object({
  email: ZEmail,
  name: ZPersonName,
  password: ZPassword,
  staff: z.boolean().default(false),
});

const ZTestPlan = z.object({ tenantId: z.uuid(), plan: ZPlanId });
