// The actions the viewer may take on this hazard now (the endpoint checks again), and the form
// of the one chosen. Names are fixed words other checks rely on: Assign, Resolve, Reopen,
// Mark as duplicate.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { LocalHazard } from '../../db/db';
import { allowedEvents } from '../../../shared/domain/hazardLifecycle';
import type { HazardEventType } from '../../../shared/domain/hazardEvents';
import type { HazardDetail } from './useHazardDetail';
import { AssignForm } from './forms/AssignForm';
import { PhotoEventForm } from './forms/PhotoEventForm';
import { ReasonForm } from './forms/ReasonForm';
import { DuplicateForm } from './forms/DuplicateForm';
import { EditForm } from './forms/EditForm';
import { PlaceForm } from './forms/PlaceForm';
import '../../../shared/i18n/features/lifecycle';

/** Button order: the usual next step first (once assigned, that is resolving). */
const ORDER: HazardEventType[] = ['assign', 'resolve', 'reopen', 'note', 'edit', 'place', 'duplicate', 'reject'];
const ORDER_ASSIGNED: HazardEventType[] = ['resolve', 'assign', 'note', 'place', 'duplicate', 'reject'];

export function LifecycleActions({ hazard, detail }: { hazard: LocalHazard; detail: HazardDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<HazardEventType | null>(null);
  const allowed = new Set(allowedEvents(hazard, detail.actor));
  const props = { hazard, detail, onDone: () => setOpen(null) };

  if (open && allowed.has(open)) {
    switch (open) {
      case 'assign': return <AssignForm {...props} />;
      case 'resolve':
      case 'note': return <PhotoEventForm {...props} type={open} />;
      case 'reject':
      case 'reopen': return <ReasonForm {...props} type={open} />;
      case 'duplicate': return <DuplicateForm {...props} />;
      case 'edit': return <EditForm {...props} />;
      case 'place': return <PlaceForm {...props} />;
    }
  }
  return (
    <section aria-labelledby="actions-heading" class="lifecycle-actions">
      <h2 id="actions-heading" class="visually-hidden">{t('lifecycle.actions')}</h2>
      {(hazard.status === 'assigned' ? ORDER_ASSIGNED : ORDER).filter((type) => allowed.has(type)).map((type, i) => (
        <button key={type} type="button" class={`btn btn--block${i === 0 ? ' btn--primary' : ''}`} onClick={() => setOpen(type)}>
          {t(`lifecycle.${type}`)}
        </button>
      ))}
    </section>
  );
}
