// `npm run admin -- <command>`: the operator's console for a real community (DATA_DIR selects
// the data folder, default ./data; safe while the server runs).
//   create --name "<name>"      a community admin, with a single-use enrollment code (72 h)
//   convert [--drop-history]    a demo database becomes a real one (see store/mode.ts)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../store/openStore';
import { createAdmin } from '../store/admins';
import { convertToReal, recordedMode } from '../store/mode';

const USAGE = 'usage: npm run admin -- create --name "<name>"\n       npm run admin -- convert [--drop-history]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, 'drop-history': { type: 'boolean', default: false } },
});
// The same store the endpoint opens: DATABASE_URL selects PostgreSQL, else DATA_DIR's SQLite.
const store = await openStore({ dataDir: resolve(process.env.DATA_DIR || './data'), databaseUrl: process.env.DATABASE_URL || undefined });
const sql = store.sql;
try {
  const now = new Date();
  if (positionals[0] === 'create' && values.name) {
    // A console-made admin belongs to a real community unless the database is already a demo.
    await recordedMode(sql, false);
    const admin = await createAdmin(sql, values.name, now);
    console.log(`Created admin ${values.name} (${admin.memberId}).`);
    console.log(`Enrollment code (single use, expires ${admin.expiresAt}): ${admin.code}`);
  } else if (positionals[0] === 'convert') {
    const summary = await convertToReal(sql, now, { dropHistory: values['drop-history'] });
    console.log(
      `This database is now a real community: ${summary.demoCodes} demo codes removed, ${summary.devicesSignedOut} devices signed out` +
        (values['drop-history'] ? `, ${summary.hazards} hazards and ${summary.rounds} rounds of demo history removed.` : '.'),
    );
    console.log('Create an admin for the office with: npm run admin -- create --name "<name>"');
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
