// The period's rounds for a lead: who started it, when, how far, and its gaps, from the
// batches on this phone. A gap is told in words, never bridged.
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import type { LocalRound } from '../../db/db';
import type { Member, Team } from '../../../shared/domain/schemas';
import type { TrackPoint } from '../../../shared/domain/rounds';
import { trackDistanceMetres } from '../../../shared/tracks/trackDistance';
import { summarizeGaps } from '../../../shared/tracks/segments';
import { gapText } from './gapText';

interface Props {
  rounds: LocalRound[];
  pointsByRound: Map<string, TrackPoint[]>;
  members: Map<string, Member>;
  teams: Map<string, Team>;
}

export function RoundList({ rounds, pointsByRound, members, teams }: Props) {
  const { t, locale, time } = useI18n();
  if (rounds.length === 0) return null;
  return (
    <section aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{t('rounds.title')}</h2>
      <ul class="hazard-list">
        {rounds.map((round) => {
          const points = [...(pointsByRound.get(round.id) ?? [])].sort((a, b) => a.at - b.at);
          const startedAt = Date.parse(round.startedAt);
          const endedAt = round.endedAt ? Date.parse(round.endedAt) : undefined;
          const gaps = summarizeGaps(points, { startedAt, endedAt });
          const team = teams.get(round.teamId);
          return (
            <li key={round.id} class="hazard">
              <div class="hazard__head">
                <strong>{round.memberIds.map((id) => members.get(id)?.name ?? id).join('、')}</strong>
                <span class="muted">{team ? localName(team.name, locale) : ''}</span>
              </div>
              <p class="muted">
                {time(startedAt)} – {endedAt ? time(endedAt) : t('round.active')}
                {' · '}
                {t('round.km', { km: (trackDistanceMetres(points) / 1000).toFixed(2) })}
                {' · '}
                {gapText(t, gaps)}
                {round.autoClosed && ` · ${t('round.autoClosed')}`}
              </p>
              {round.note && <p class="hazard__description">{round.note}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
