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
  /* 2: many communities under a street (as SQLite's 9: see store/sqlite/migrations.ts). */ `
  CREATE TABLE streets (id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, time_zone TEXT NOT NULL);
  CREATE TABLE communities (
    id TEXT PRIMARY KEY, street_id TEXT NOT NULL REFERENCES streets(id), name_zh TEXT NOT NULL, name_en TEXT NOT NULL, time_zone TEXT
  );
  CREATE INDEX communities_street ON communities(street_id);
  INSERT INTO streets (id, name_zh, name_en, time_zone) VALUES ('street-1', '街道', 'Street', 'Asia/Shanghai');
  INSERT INTO communities (id, street_id, name_zh, name_en) VALUES ('community-1', 'street-1', '社区', 'Community');
  ALTER TABLE teams ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1' REFERENCES communities(id);
  ALTER TABLE compounds ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1' REFERENCES communities(id);
  ALTER TABLE checkpoints ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1' REFERENCES communities(id);
  ALTER TABLE property_companies ADD COLUMN street_id TEXT NOT NULL DEFAULT 'street-1' REFERENCES streets(id);
  ALTER TABLE members ADD COLUMN community_id TEXT REFERENCES communities(id);
  ALTER TABLE members ADD COLUMN street_id TEXT NOT NULL DEFAULT 'street-1' REFERENCES streets(id);
  UPDATE members SET community_id = 'community-1';
  ALTER TABLE hazards ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1' REFERENCES communities(id);
  ALTER TABLE rounds ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1' REFERENCES communities(id);
  ALTER TABLE audit_log ADD COLUMN community_id TEXT;
  UPDATE audit_log SET community_id = 'community-1';
  CREATE INDEX teams_community ON teams(community_id);
  CREATE INDEX compounds_community ON compounds(community_id);
  CREATE INDEX members_community ON members(community_id);
  CREATE INDEX hazards_community_created ON hazards(community_id, created_at);
  CREATE INDEX hazards_company ON hazards(assigned_company_id, status);
  CREATE INDEX rounds_community_started ON rounds(community_id, started_at);
  CREATE INDEX audit_community ON audit_log(community_id, seq);
  DROP INDEX changes_entity;
  CREATE UNIQUE INDEX changes_entity_scope ON changes(entity, entity_id, scope);
  UPDATE changes SET scope = CASE
    WHEN entity = 'category' THEN 'global'
    WHEN entity = 'propertyCompany' THEN 'street:street-1'
    WHEN scope = 'all' THEN 'c:community-1'
    ELSE 'c:community-1:' || scope END;
  CREATE TEMPORARY TABLE company_rows ON COMMIT DROP AS
    SELECT c.entity, c.entity_id, 'company:' || h.assigned_company_id AS scope, c.data
      FROM changes c JOIN hazards h ON h.id = c.entity_id
     WHERE c.entity = 'hazard' AND h.assigned_company_id IS NOT NULL
    UNION ALL
    SELECT c.entity, c.entity_id, 'company:' || h.assigned_company_id, c.data
      FROM changes c JOIN hazard_events e ON e.id = c.entity_id JOIN hazards h ON h.id = e.hazard_id
     WHERE c.entity = 'hazardEvent' AND h.assigned_company_id IS NOT NULL
    UNION ALL
    SELECT c.entity, c.entity_id, 'company:' || k.property_company_id, c.data
      FROM changes c JOIN compounds k ON k.id = c.entity_id
     WHERE c.entity = 'compound';
  INSERT INTO changes (seq, entity, entity_id, scope, data)
    SELECT (SELECT seq FROM change_counter) + row_number() OVER (), entity, entity_id, scope, data FROM company_rows;
  UPDATE change_counter SET seq = seq + (SELECT count(*) FROM company_rows);
  CREATE TABLE photo_refs (photo_id TEXT NOT NULL, hazard_id TEXT NOT NULL REFERENCES hazards(id), PRIMARY KEY (photo_id, hazard_id));
  INSERT INTO photo_refs (photo_id, hazard_id)
    SELECT p, hazards.id FROM hazards, jsonb_array_elements_text(hazards.photo_ids::jsonb) p
    UNION SELECT p, e.hazard_id FROM hazard_events e, jsonb_array_elements_text(COALESCE(e.data::jsonb -> 'photoIds', '[]'::jsonb)) p
  ON CONFLICT DO NOTHING;
  `,
];
