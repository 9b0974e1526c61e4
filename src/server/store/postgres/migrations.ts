// The PostgreSQL schema, as an append-only list like the SQLite one (store/sqlite/migrations.ts):
// entry i brings schema_version to i + 1. Version 1 is the SQLite schema at its version 8, in
// PostgreSQL's types: times stay ISO text (compared the same way on both backends), millisecond
// instants are BIGINT, and track batches are partitioned by month of their first point.
export const PG_MIGRATIONS: readonly string[] = [
  /* 1 */ `
  CREATE TABLE teams (id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL);
  CREATE TABLE property_companies (id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL);
  CREATE TABLE compounds (
    id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, polygon TEXT NOT NULL,
    property_company_id TEXT NOT NULL REFERENCES property_companies(id)
  );
  CREATE TABLE categories (id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, sort INTEGER NOT NULL);
  CREATE TABLE members (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, team_id TEXT REFERENCES teams(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'lead', 'admin')),
    property_company_id TEXT REFERENCES property_companies(id), active INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE enrollment_codes (
    code_hash TEXT PRIMARY KEY, member_id TEXT NOT NULL REFERENCES members(id), created_at TEXT NOT NULL,
    expires_at TEXT, used_at TEXT, demo INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL REFERENCES members(id), name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, revoked_at TEXT,
    app_version TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE applied_mutations (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES devices(id), type TEXT NOT NULL, applied_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('acked', 'rejected')), reject_code TEXT, reject_message TEXT
  );
  CREATE TABLE hazards (
    id TEXT PRIMARY KEY, category_id TEXT NOT NULL REFERENCES categories(id),
    severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'urgent')), description TEXT NOT NULL,
    lat DOUBLE PRECISION, lng DOUBLE PRECISION, accuracy DOUBLE PRECISION, position_at TEXT,
    compound_id TEXT REFERENCES compounds(id), round_id TEXT, created_at TEXT NOT NULL,
    reporter_id TEXT NOT NULL REFERENCES members(id), team_id TEXT REFERENCES teams(id), status TEXT NOT NULL,
    received_at TEXT NOT NULL, photo_ids TEXT NOT NULL DEFAULT '[]',
    assigned_company_id TEXT REFERENCES property_companies(id), assigned_at TEXT, resolved_at TEXT,
    duplicate_of TEXT, updated_at TEXT
  );
  CREATE INDEX hazards_created ON hazards(created_at);
  CREATE INDEX hazards_team_created ON hazards(team_id, created_at);
  CREATE INDEX hazards_status_created ON hazards(status, created_at);
  CREATE INDEX hazards_updated ON hazards(updated_at);
  -- The pull log; seq comes from change_counter inside the writing transaction (postgresSql.ts).
  CREATE TABLE changes (
    seq BIGINT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL, scope TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE UNIQUE INDEX changes_entity ON changes(entity, entity_id);
  CREATE INDEX changes_scope_seq ON changes(scope, seq);
  CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL);
  INSERT INTO change_counter (id, seq) VALUES (1, 0);
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY, team_id TEXT NOT NULL REFERENCES teams(id), started_by TEXT NOT NULL REFERENCES members(id),
    member_ids TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT, note TEXT,
    auto_closed INTEGER NOT NULL DEFAULT 0, received_at TEXT NOT NULL
  );
  CREATE INDEX rounds_team_started ON rounds(team_id, started_at);
  CREATE INDEX rounds_started ON rounds(started_at);
  -- By month of first_at (ms): partitions are made ahead (postgres/partitions.ts); a batch outside
  -- them lands in the default partition. The key must hold the partition column.
  CREATE TABLE track_batches (
    id TEXT NOT NULL, round_id TEXT NOT NULL REFERENCES rounds(id), points TEXT NOT NULL,
    point_count INTEGER NOT NULL, first_at BIGINT NOT NULL, last_at BIGINT NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (id, first_at)
  ) PARTITION BY RANGE (first_at);
  CREATE TABLE track_batches_default PARTITION OF track_batches DEFAULT;
  CREATE INDEX track_batches_round ON track_batches(round_id, first_at);
  CREATE INDEX track_batches_id ON track_batches(id);
  CREATE TABLE checkpoints (
    id TEXT PRIMARY KEY, compound_id TEXT NOT NULL REFERENCES compounds(id), name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lng DOUBLE PRECISION NOT NULL, code TEXT NOT NULL UNIQUE
  );
  CREATE INDEX checkpoints_compound ON checkpoints(compound_id);
  CREATE TABLE checkpoint_scans (
    id TEXT PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(id), checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
    member_id TEXT NOT NULL REFERENCES members(id), team_id TEXT NOT NULL REFERENCES teams(id), scanned_at TEXT NOT NULL,
    lat DOUBLE PRECISION, lng DOUBLE PRECISION, accuracy DOUBLE PRECISION, position_at TEXT,
    method TEXT NOT NULL CHECK (method IN ('camera', 'manual')), far INTEGER NOT NULL, received_at TEXT NOT NULL
  );
  CREATE INDEX checkpoint_scans_round ON checkpoint_scans(round_id);
  CREATE INDEX checkpoint_scans_checkpoint ON checkpoint_scans(checkpoint_id, scanned_at);
  CREATE INDEX checkpoint_scans_scanned ON checkpoint_scans(scanned_at);
  CREATE TABLE audit_log (
    seq BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor_member_id TEXT NOT NULL, actor_device_id TEXT NOT NULL,
    action TEXT NOT NULL, target TEXT NOT NULL, details TEXT NOT NULL
  );
  CREATE TABLE hazard_events (
    seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, hazard_id TEXT NOT NULL REFERENCES hazards(id),
    type TEXT NOT NULL, data TEXT NOT NULL, at TEXT NOT NULL, author_id TEXT NOT NULL REFERENCES members(id),
    role TEXT NOT NULL, status TEXT NOT NULL, received_at TEXT NOT NULL
  );
  CREATE INDEX hazard_events_hazard ON hazard_events(hazard_id, seq);
  CREATE TABLE photos (
    id TEXT PRIMARY KEY, mime TEXT NOT NULL, bytes BIGINT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL, received_at TEXT NOT NULL, referenced_at TEXT
  );
  CREATE INDEX photos_uploader ON photos(uploaded_by, received_at);
  CREATE INDEX photos_unreferenced ON photos(received_at) WHERE referenced_at IS NULL;
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- Failed enrollments, counted across every endpoint process (store/enrollFailures.ts).
  CREATE TABLE enroll_failures (key TEXT NOT NULL, at_ms BIGINT NOT NULL);
  CREATE INDEX enroll_failures_key ON enroll_failures(key, at_ms);
  CREATE INDEX enroll_failures_at ON enroll_failures(at_ms);
  `,
];
