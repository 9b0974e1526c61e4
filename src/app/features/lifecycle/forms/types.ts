// What every lifecycle form receives from the detail screen.
import type { LocalHazard } from '../../../db/db';
import type { HazardDetail } from '../useHazardDetail';

export interface FormProps {
  hazard: LocalHazard;
  detail: HazardDetail;
  onDone: () => void;
}
