// How a refused outbox row reads: its kind ("Hazard", "Round end"…), a short label the member
// knows it by (the hazard's description start, the round's start time…), why it was refused
// and what to do next. Rows from an older app may not parse: they still get a name.
import type { OutboxRow } from '../../db/db';
import type { I18n } from '../../i18n';
import type { MessageKey } from '../../../shared/i18n';
import type { Checkpoint } from '../../../shared/domain/rounds';
import { checkMutation } from '../../../shared/protocol/checkMutation';
import { REJECTION_CODES } from '../../../shared/protocol/errors';
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

export function refusedLabel(row: OutboxRow, known: RefusedLookups, i18n: I18n): string {
  const checked = checkMutation(row.mutation);
  if (!checked.ok) return i18n.t('refused.label.unknown');
  const m = checked.mutation;
  const roundStart = (roundId: string) => known.rounds.get(roundId);
  switch (m.type) {
    case 'hazard.create':
      return quoted(m.data.description) || i18n.dateTime(m.data.createdAt);
    case 'hazard.event': {
      const company = m.data.type === 'assign' ? known.companies.get(m.data.data.propertyCompanyId) : undefined;
      const what = i18n.t(`history.${m.data.type}`, { company: company ? localName(company, i18n.locale) : '' });
      const about = quoted(known.hazards.get(m.data.hazardId));
      return about ? `${what} · ${about}` : what;
    }
    case 'round.start':
      return i18n.t('refused.label.roundStart', { time: i18n.dateTime(m.data.startedAt) });
    case 'round.end': {
      const started = roundStart(m.data.roundId);
      const ended = i18n.t('refused.label.roundEnd', { time: i18n.dateTime(m.data.endedAt) });
      return started ? `${i18n.t('refused.label.roundStart', { time: i18n.dateTime(started) })} · ${ended}` : ended;
    }
    case 'track.append': {
      const first = Math.min(...m.data.points.map((p) => p.at));
      return i18n.t('refused.label.track', { n: m.data.points.length, time: i18n.dateTime(first) });
    }
    case 'checkpoint.scan': {
      const checkpoint = known.checkpoints.get(m.data.checkpointId);
      const name = checkpoint ? localName(checkpoint.name, i18n.locale) : m.data.checkpointId;
      return i18n.t('refused.label.scan', { name, time: i18n.dateTime(m.data.scannedAt) });
    }
  }
}

const knownCode = (code: string | undefined) => (REJECTION_CODES as readonly string[]).includes(code ?? '');

/** "Why: …" in the member's words, from the code; the endpoint's message is shown apart. */
export function refusedWhy(row: OutboxRow, i18n: I18n): string {
  const code = row.rejection?.code;
  return i18n.t('refused.why', { reason: i18n.t((knownCode(code) ? `rejection.${code}` : 'rejection.other') as MessageKey) });
}

export function refusedNext(row: OutboxRow, i18n: I18n): string {
  const code = row.rejection?.code;
  return i18n.t((knownCode(code) ? `refused.next.${code}` : 'refused.next.other') as MessageKey);
}
