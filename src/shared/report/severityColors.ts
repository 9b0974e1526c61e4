// Severity colours for charts and the map: distinguishable in print and for common colour
// blindness (an ordered light-to-dark scale, not red versus green).
import type { Severity } from '../domain/schemas';

export const SEVERITY_COLORS: Record<Severity, string> = {
  low: '#9ecae1',
  medium: '#4292c6',
  high: '#f16913',
  urgent: '#a50f15',
};
