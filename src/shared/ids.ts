// Ids of records and mutations are made on the phone, before the endpoint knows them. They are
// UUIDv7 (RFC 9562): the first 48 bits are the time, so a new id sorts after older ones and
// the indexes keyed by ids (IndexedDB's on the phone, SQLite's on the endpoint) grow at their
// end instead of taking writes, and seeks past deleted entries, all over their key range.
import { v7 } from 'uuid';

export const newId = (): string => v7();
