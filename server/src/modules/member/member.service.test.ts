import type { Role } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/audit.service.ts';
import { MemberService } from './member.service.ts';
import type { Membership } from './membership.entity.ts';

const T = 'tenant-1';
const actor = { userId: 'u-owner', email: 'owner@x.test', ip: null };

function setup() {
  const rows = new Map<string, Membership>();
  const add = (id: string, role: Role) => {
    const m = { id, tenant: T, user: `u-${id}`, role, createdAt: new Date(0) } as Membership;
    rows.set(id, m);
    return m;
  };
  const owner = add('owner', 'owner');
  const admin = add('admin', 'admin');
  const viewer = add('viewer', 'viewer');
  const audited: AuditEntry[] = [];
  const service = new MemberService({
    memberships: {
      findById: async (tenantId, id) => (tenantId === T ? (rows.get(id) ?? null) : null),
      listForTenant: async () => [...rows.values()],
      remove: (m) => void rows.delete(m.id),
      flush: async () => {},
    },
    users: {
      findById: async (id) => ({ id, name: id, email: `${id}@x.test` }) as never,
      findByIds: async (ids) => ids.map((id) => ({ id, name: id, email: `${id}@x.test` })) as never,
    },
    audit: { record: async (_actor, entry) => void audited.push(entry) as never },
  });
  return { service, rows, owner, admin, viewer, audited };
}

describe('MemberService', () => {
  it("refuses to change the owner's role or one's own", async () => {
    const { service, owner, admin } = setup();
    await expect(service.updateRole(actor, admin, 'owner', 'viewer')).rejects.toMatchObject({
      reason: 'member.owner',
    });
    await expect(service.updateRole(actor, admin, 'admin', 'viewer')).rejects.toMatchObject({
      reason: 'member.self',
    });
    await expect(service.updateRole(actor, owner, 'viewer', 'owner')).rejects.toMatchObject({
      reason: 'member.owner',
    });
    expect(owner.role).toBe('owner');
  });

  it('changes a role once and audits from and to', async () => {
    const { service, admin, viewer, audited } = setup();
    await service.updateRole(actor, admin, 'viewer', 'member');
    expect(viewer.role).toBe('member');
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'member.role_changed',
        details: expect.objectContaining({ from: 'viewer', to: 'member' }),
      }),
    ]);
    await service.updateRole(actor, admin, 'viewer', 'member');
    expect(audited).toHaveLength(1);
  });

  it('does not find a membership of another workspace', async () => {
    const { service, admin } = setup();
    await expect(service.remove(actor, { ...admin, tenant: 'tenant-2' }, 'viewer')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps the owner: not removable, cannot leave before transferring', async () => {
    const { service, rows, owner, admin } = setup();
    await expect(service.remove(actor, admin, 'owner')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.leave(actor, owner)).rejects.toMatchObject({ reason: 'member.owner_must_transfer' });
    expect(rows.has('owner')).toBe(true);
  });

  it('transfers ownership: target owner, old owner admin; only the owner can', async () => {
    const { service, owner, admin, viewer, audited } = setup();
    await expect(service.transferOwnership(actor, admin, 'viewer')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await service.transferOwnership(actor, owner, 'viewer');
    expect([owner.role, viewer.role, admin.role]).toEqual(['admin', 'owner', 'admin']);
    expect(audited.at(-1)?.action).toBe('workspace.ownership_transferred');
  });
});
