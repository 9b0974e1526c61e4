// Test helper: a position moved by metres east and north, on the same local projection the
// coverage code uses, so "15 m from the edge" in a test means 15 m to the code under test.
import { metresPerDegree } from '../../../src/shared/tracks/localProjection';

export interface At {
  lat: number;
  lng: number;
}

export function offset(from: At, eastM: number, northM: number): At {
  const scale = metresPerDegree(from.lat);
  return { lat: from.lat + northM / scale.lat, lng: from.lng + eastM / scale.lng };
}
