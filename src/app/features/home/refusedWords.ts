// How a refused outbox row reads: its kind ("Hazard", "Round end"…), a short label the member
// knows it by (the hazard's description start, the round's start time…), why it was refused
// and what to do next. Rows from an older app may not parse: they still get a name.
import type { OutboxRow } from '../../db/db';
import type { I18n } from '../../i18n';
import type { Checkpoint } from '../../../shared/domain/rounds';
import { HAZARD_EVENT_TYPES, type HazardEventType } from '../../../shared/domain/hazardEvents';
import { asRejectionCode } from '../../../shared/protocol/codes';
import { localName } from '../../AppContext';
import '../../../shared/i18n/features/refused';
import '../../../shared/i18n/features/lifecycle';

/** What the phone knows about the records refused rows point at. */
export interface RefusedLookups {
  /** hazard id → description */
  hazards: Map<string, string>;
  /** round id → startedAt */
  rounds: Map<string, string>;
  checkpoints: Map<string, Checkpoint>;
  /** property company id → name */
  companies: Map<string, { zh: string; en: string }>;
}

const KINDS = ['hazard.create', 'hazard.event', 'round.start', 'round.end', 'track.append', 'checkpoint.scan'] as const;

const snippet = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);
const quoted = (text: string | undefined) => (text ? `“${snippet(text)}”` : '');

export function refusedKind(row: OutboxRow, i18n: I18n): string {
  const type: unknown = (row.mutation as { type?: unknown } | undefined)?.type;
  const kind = KINDS.find((k) => k === type);
  return kind ? i18n.t(`refused.kind.${kind}`) : i18n.t('refused.label.unknown');
}

type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields => (typeof value === 'object' && value !== null ? (value as Fields) : {});
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const when = (value: unknown, i18n: I18n) =>
  (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime()) ? i18n.dateTime(value) : undefined;

/**
 * Read field by field, never through the schema: the rows refused `invalid` are exactly the ones
 * the schema would not read, and the member still needs to know which record it was.
 */
export function refusedLabel(row: OutboxRow, known: RefusedLookups, i18n: I18n): string {
  const m = fields(row.mutation);
  const data = fields(m.data);
  const unknown = i18n.t('refused.label.unknown');
  switch (m.type) {
    case 'hazard.create':
      return quoted(text(data.description)) || when(data.createdAt, i18n) || unknown;
    case 'hazard.event': {
      const type = text(data.type);
      const company = known.companies.get(text(fields(data.data).propertyCompanyId) ?? '');
      const what = HAZARD_EVENT_TYPES.find((t) => t === type)
        ? i18n.t(`history.${type as HazardEventType}`, { company: company ? localName(company, i18n.locale) : '' })
        : unknown;
      const about = quoted(known.hazards.get(text(data.hazardId) ?? ''));
      return about ? `${what} · ${about}` : what;
    }
    case 'round.start': {
      const time = when(data.startedAt, i18n);
      return time ? i18n.t('refused.label.roundStart', { time }) : unknown;
    }
    case 'round.end': {
      const started = when(known.rounds.get(text(data.roundId) ?? ''), i18n);
      const ended = when(data.endedAt, i18n);
      const parts = [started && i18n.t('refused.label.roundStart', { time: started }), ended && i18n.t('refused.label.roundEnd', { time: ended })];
      return parts.filter(Boolean).join(' · ') || unknown;
    }
    case 'track.append': {
      const points = Array.isArray(data.points) ? data.points.map(fields) : [];
      const times = points.flatMap((p) => (typeof p.at === 'number' ? [p.at] : []));
      const time = times.length > 0 ? when(Math.min(...times), i18n) : undefined;
      return time ? i18n.t('refused.label.track', { n: points.length, time }) : unknown;
    }
    case 'checkpoint.scan': {
      const id = text(data.checkpointId);
      const checkpoint = known.checkpoints.get(id ?? '');
      const name = checkpoint ? localName(checkpoint.name, i18n.locale) : id;
      const time = when(data.scannedAt, i18n);
      return name && time ? i18n.t('refused.label.scan', { name, time }) : name || time || unknown;
    }
    default:
      return unknown;
  }
}

// A code this app does not know (from a newer endpoint, or a row restored from a backup) reads
// 'unknown': still refused, with words for that.

/** "Why: …" in the member's words, from the code; the endpoint's message is shown apart. */
export function refusedWhy(row: OutboxRow, i18n: I18n): string {
  return i18n.t('refused.why', { reason: i18n.t(`rejection.${asRejectionCode(row.rejection?.code)}`) });
}

export function refusedNext(row: OutboxRow, i18n: I18n): string {
  return i18n.t(`refused.next.${asRejectionCode(row.rejection?.code)}`);
}
