// The endpoint config for online-only requests (admin actions, own devices), from the session.
// The same object while the token stays the same, so effects that depend on it run once.
import { useMemo } from 'preact/hooks';
import { useApp } from '../AppContext';
import type { EndpointConfig } from '../sync/request';

export function useEndpointConfig(): EndpointConfig {
  const { session } = useApp();
  return useMemo(() => ({ baseUrl: location.origin, token: session.token }), [session.token]);
}
