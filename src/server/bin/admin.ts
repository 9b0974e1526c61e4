// `npm run admin -- <command>`: the operator's console for a real community (DATA_DIR selects
// the data folder, default ./data; safe while the server runs).
//   create --name "<name>"      a community admin (of community-1), with a single-use code (72 h)
//   create --street --name …    the street office: an admin of the street, with no community
//   convert [--drop-history]    a demo database becomes a real one (see store/mode.ts)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../store/openStore';
import { createAdmin } from '../store/admins';
import { DEFAULT_COMMUNITY, DEFAULT_STREET } from '../store/communities';
import { convertToReal, recordedMode } from '../store/mode';

const USAGE = 'usage: npm run admin -- create [--street] --name "<name>"\n       npm run admin -- convert [--drop-history]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, street: { type: 'boolean', default: false }, 'drop-history': { type: 'boolean', default: false } },
});
// The same store the endpoint opens: DATABASE_URL selects PostgreSQL, else DATA_DIR's SQLite.
const store = await openStore({ dataDir: resolve(process.env.DATA_DIR || './data'), databaseUrl: process.env.DATABASE_URL || undefined });
const sql = store.sql;
try {
  const now = new Date();
  if (positionals[0] === 'create' && values.name) {
    // A console-made admin belongs to a real community unless the database is already a demo.
    await recordedMode(sql, false);
    const place = values.street ? { communityId: null, streetId: DEFAULT_STREET } : { communityId: DEFAULT_COMMUNITY, streetId: DEFAULT_STREET };
    const admin = await createAdmin(sql, values.name, now, place);
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
