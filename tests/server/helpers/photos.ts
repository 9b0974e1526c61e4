// A photo row as an upload leaves it, for tests whose events name a photo without sending bytes.
import type Database from 'better-sqlite3';

export function holdPhoto(db: Database.Database, id: string, uploadedBy = 'test'): void {
  db.prepare('INSERT OR IGNORE INTO photos (id, mime, bytes, width, height, uploaded_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    'image/jpeg',
    1000,
    10,
    10,
    uploadedBy,
    new Date().toISOString(),
  );
}
