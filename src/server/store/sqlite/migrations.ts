// The schema, as an append-only list of migrations: entry i brings user_version to i + 1.
// Never edit a shipped entry; add a new one.
export const MIGRATIONS: readonly string[] = [
  /* 1: reference data, devices, hazards and the pull log. */ `
  CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
  );
  CREATE TABLE property_companies (
    id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
  );
  CREATE TABLE compounds (
    id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    polygon TEXT NOT NULL,
    property_company_id TEXT NOT NULL REFERENCES property_companies(id)
  );
  CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort INTEGER NOT NULL
  );
  CREATE TABLE members (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    team_id TEXT REFERENCES teams(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'lead', 'admin')),
    property_company_id TEXT REFERENCES property_companies(id),
    active INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE enrollment_codes (
    code_hash TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id),
    created_at TEXT NOT NULL,
    expires_at TEXT,
    used_at TEXT,
    demo INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE applied_mutations (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices(id),
    type TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('acked', 'rejected')),
    reject_code TEXT,
    reject_message TEXT
  );
  CREATE TABLE hazards (
    id TEXT PRIMARY KEY,
    category_id TEXT NOT NULL REFERENCES categories(id),
    severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'urgent')),
    description TEXT NOT NULL,
    lat REAL,
    lng REAL,
    accuracy REAL,
    position_at TEXT,
    compound_id TEXT REFERENCES compounds(id),
    round_id TEXT,
    created_at TEXT NOT NULL,
    reporter_id TEXT NOT NULL REFERENCES members(id),
    team_id TEXT REFERENCES teams(id),
    status TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    data TEXT NOT NULL
  );
  -- One row per entity: a newer state replaces the older row and takes a new seq.
  CREATE UNIQUE INDEX changes_entity ON changes(entity, entity_id);
  -- Pull reads a range of one scope in seq order, so its cost follows the rows returned.
  CREATE INDEX changes_scope_seq ON changes(scope, seq);
  `,
  /* 2: rounds, their track batches, checkpoints at compound gates and their scans. */ `
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id),
    started_by TEXT NOT NULL REFERENCES members(id),
    member_ids TEXT NOT NULL, -- JSON array of member ids, in the order the app sent them
    started_at TEXT NOT NULL,
    ended_at TEXT,
    note TEXT,
    auto_closed INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL
  );
  -- Coverage and leads' lists read one team's rounds over a period.
  CREATE INDEX rounds_team_started ON rounds(team_id, started_at);
  -- Points stay as the batch the app sent: one row per batch keeps a retry idempotent and cheap.
  CREATE TABLE track_batches (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds(id),
    points TEXT NOT NULL,
    point_count INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX track_batches_round ON track_batches(round_id, first_at);
  CREATE TABLE checkpoints (
    id TEXT PRIMARY KEY,
    compound_id TEXT NOT NULL REFERENCES compounds(id),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    lat REAL NOT NULL,
    lng REAL NOT NULL,
    code TEXT NOT NULL UNIQUE
  );
  CREATE INDEX checkpoints_compound ON checkpoints(compound_id);
  CREATE TABLE checkpoint_scans (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds(id),
    checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
    member_id TEXT NOT NULL REFERENCES members(id),
    team_id TEXT NOT NULL REFERENCES teams(id),
    scanned_at TEXT NOT NULL,
    lat REAL,
    lng REAL,
    accuracy REAL,
    position_at TEXT,
    method TEXT NOT NULL CHECK (method IN ('camera', 'manual')),
    far INTEGER NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX checkpoint_scans_round ON checkpoint_scans(round_id);
  CREATE INDEX checkpoint_scans_checkpoint ON checkpoint_scans(checkpoint_id, scanned_at);
  `,
  /* 3: the audit log of the office's actions (who, what, when). */ `
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_member_id TEXT NOT NULL,
    actor_device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT NOT NULL
  );
  `,
  /* 4: the app version each device enrolled with. */ `
  ALTER TABLE devices ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
  `,
  /* 5: photos and the hazard lifecycle. A hazard's events are its history; the new hazard
     columns cache the state they lead to. Photo bytes live in DATA_DIR/photos, named by hash. */ `
  ALTER TABLE hazards ADD COLUMN photo_ids TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE hazards ADD COLUMN assigned_company_id TEXT REFERENCES property_companies(id);
  ALTER TABLE hazards ADD COLUMN assigned_at TEXT;
  ALTER TABLE hazards ADD COLUMN resolved_at TEXT;
  ALTER TABLE hazards ADD COLUMN duplicate_of TEXT;
  ALTER TABLE hazards ADD COLUMN updated_at TEXT;
  CREATE INDEX hazards_created ON hazards(created_at);
  CREATE TABLE hazard_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    hazard_id TEXT NOT NULL REFERENCES hazards(id),
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    at TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES members(id),
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX hazard_events_hazard ON hazard_events(hazard_id, seq);
  CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  `,
  /* 6: server settings that must outlive a restart's flags (whether this database is a demo),
     and the indexes that bound a weekly report's reads by week and team. */ `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE INDEX hazards_team_created ON hazards(team_id, created_at);
  CREATE INDEX hazards_status_created ON hazards(status, created_at);
  CREATE INDEX hazards_updated ON hazards(updated_at);
  CREATE INDEX rounds_started ON rounds(started_at);
  CREATE INDEX checkpoint_scans_scanned ON checkpoint_scans(scanned_at);
  `,
  /* 7: photo ownership. A photo is referenced once a hazard or event names it; until then only
     its uploading device may read it, and one unreferenced for 7 days is deleted. The uploader
     index bounds the daily byte quota's sum. Photos named before this version count as named. */ `
  ALTER TABLE photos ADD COLUMN referenced_at TEXT;
  CREATE INDEX photos_uploader ON photos(uploaded_by, received_at);
  CREATE INDEX photos_unreferenced ON photos(received_at) WHERE referenced_at IS NULL;
  UPDATE photos SET referenced_at = received_at
   WHERE id IN (SELECT value FROM hazards, json_each(hazards.photo_ids))
      OR id IN (SELECT value FROM hazard_events, json_each(hazard_events.data, '$.photoIds'));
  `,
  /* 8: failed enrollments, kept in the database so every endpoint process counts the same
     failures (store/enrollFailures.ts). Rows older than the window are deleted as new ones come. */ `
  CREATE TABLE enroll_failures (
    key TEXT NOT NULL,
    at_ms INTEGER NOT NULL
  );
  CREATE INDEX enroll_failures_key ON enroll_failures(key, at_ms);
  CREATE INDEX enroll_failures_at ON enroll_failures(at_ms);
  `,
  /* 9: many communities under a street. A database from before becomes community-1 of
     street-1, with every id kept. The pull log's scopes name their community (c:<id>, and
     c:<id>:team:<id> for a team's rounds); categories are global, property companies the street's,
     and a hazard assigned to a company is also in that company's scope, so its staff pull it.
     Seqs are kept, so every phone's cursor stays valid. Photos record which hazards name them. */ `
  CREATE TABLE streets (
    id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    time_zone TEXT NOT NULL
  );
  CREATE TABLE communities (
    id TEXT PRIMARY KEY,
    street_id TEXT NOT NULL REFERENCES streets(id),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    time_zone TEXT -- null: the street's
  );
  CREATE INDEX communities_street ON communities(street_id);
  INSERT INTO streets (id, name_zh, name_en, time_zone) VALUES ('street-1', '街道', 'Street', 'Asia/Shanghai');
  INSERT INTO communities (id, street_id, name_zh, name_en) VALUES ('community-1', 'street-1', '社区', 'Community');
  ALTER TABLE teams ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1';
  ALTER TABLE compounds ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1';
  ALTER TABLE checkpoints ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1';
  ALTER TABLE property_companies ADD COLUMN street_id TEXT NOT NULL DEFAULT 'street-1';
  -- Null for the street's own people: street admins, and staff of a property company.
  ALTER TABLE members ADD COLUMN community_id TEXT REFERENCES communities(id);
  ALTER TABLE members ADD COLUMN street_id TEXT NOT NULL DEFAULT 'street-1';
  -- (SQLite adds a column with a default only without REFERENCES; the store writes only ids it
  -- has checked, and PostgreSQL, which can, holds them as foreign keys.)
  UPDATE members SET community_id = 'community-1';
  ALTER TABLE hazards ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1';
  ALTER TABLE rounds ADD COLUMN community_id TEXT NOT NULL DEFAULT 'community-1';
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
  INSERT INTO changes (entity, entity_id, scope, data)
    SELECT c.entity, c.entity_id, 'company:' || h.assigned_company_id, c.data
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
  CREATE TABLE photo_refs (
    photo_id TEXT NOT NULL,
    hazard_id TEXT NOT NULL REFERENCES hazards(id),
    PRIMARY KEY (photo_id, hazard_id)
  );
  INSERT OR IGNORE INTO photo_refs (photo_id, hazard_id)
    SELECT value, hazards.id FROM hazards, json_each(hazards.photo_ids)
    UNION SELECT value, hazard_events.hazard_id FROM hazard_events, json_each(hazard_events.data, '$.photoIds');
  `,
];
