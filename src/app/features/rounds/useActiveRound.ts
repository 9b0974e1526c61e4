// The recording round, for screens: re-renders on every kept fix.
import { useEffect, useState } from 'preact/hooks';
import { roundController, type ActiveRound } from './roundController';

export function useActiveRound(): ActiveRound | null {
  const [active, setActive] = useState(roundController.get());
  useEffect(() => roundController.subscribe(setActive), []);
  return active;
}
