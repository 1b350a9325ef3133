// Staff bootstrap: `node server/src/modules/staff/make-staff.ts <email> [--revoke]` marks an existing
// user as platform staff (or removes the role). Staff is never assignable through the API, so this
// CLI, run by an operator with database access, is the only way in. Reads the server's env.
import { initOrm } from '../../db/orm.ts';
import { loadEnv } from '../../env.ts';
import { AppError } from '../../errors.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { AuditService } from '../audit/audit.service.ts';
import { StaffRepository } from './staff.repository.ts';
import { StaffService } from './staff.service.ts';

const args = process.argv.slice(2);
const revoke = args.includes('--revoke');
const email = args.find((a) => !a.startsWith('--'));
if (!email) {
  console.error('usage: make-staff.ts <email> [--revoke]');
  process.exit(2);
}

const env = loadEnv();
const orm = await initOrm({ databaseUrl: env.DATABASE_URL, dataDir: `${env.DATA_DIR}/pglite` });
try {
  const em = orm.em.fork();
  const staff = new StaffService({
    repo: new StaffRepository(em),
    audit: new AuditService(new AuditRepository(em)),
  });
  const user = await staff.setStaff(email, !revoke);
  console.log(revoke ? `${user.email} is no longer staff` : `${user.email} is now staff`);
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  await orm.close();
}
