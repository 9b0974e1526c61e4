// A photo row as an upload leaves it, for tests whose events name a photo without sending bytes.
import type { Sql } from '../../../src/server/store/sql/sql';

export async function holdPhoto(sql: Sql, id: string, uploadedBy = 'test'): Promise<void> {
  await sql.run(
    'INSERT INTO photos (id, mime, bytes, width, height, uploaded_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    [id, 'image/jpeg', 1000, 10, 10, uploadedBy, new Date().toISOString()],
  );
}
