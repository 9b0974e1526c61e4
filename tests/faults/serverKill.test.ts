// Scenario 3: the endpoint process is SIGKILLed while a batch is in its hands, then restarted
// on the same data (its DATA_DIR, and its DATABASE_URL on PostgreSQL). What it committed
// survived (SQLite: WAL, synchronous=FULL; PostgreSQL: synchronous_commit on); what it did not
// is still in the outbox; the retry settles both.
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from './helpers/nodeScenario';
import { isPush } from './helpers/policies';
import { printTable } from './helpers/scoreboard';
import { serverProcess, type ServerProcess } from '../server/helpers/serverProcess';

let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.signal('SIGKILL');
  printTable();
});

describe('server crash', () => {
  it('#3: SIGKILL mid-batch, restart on the same data', async () => {
    server = await serverProcess();
    await server.start();
    const proc = server;
    const KILLS = 2;
    let kills = 0;
    let restarts = 0;
    let dying: Promise<number | null> | null = null;

    const result = await runScenario({
      scenario: '#3',
      code: 'DEMO-A-04',
      endpoint: proc,
      proxy: {
        // The batch has been handed to the server: kill it before it can answer.
        onForwarded: (r) => {
          if (!isPush(r) || kills >= KILLS || dying) return;
          kills++;
          dying = proc.signal('SIGKILL');
        },
      },
      sync: {
        afterFailure: async () => {
          if (!dying) return;
          await dying;
          dying = null;
          await proc.start();
          restarts++;
        },
      },
      note: (_proxy, run) => `${kills} SIGKILLs mid-batch, ${restarts} restarts, ${run.attempts} sync passes`,
    });
    expect(kills).toBe(KILLS);
    expect(restarts).toBe(KILLS);
    expect(result.run.failures.length).toBeGreaterThanOrEqual(KILLS);
  });
});
