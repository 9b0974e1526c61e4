// The endpoint config for online-only requests (admin actions, own devices), from the session.
import { useApp } from '../AppContext';
import type { EndpointConfig } from '../sync/request';

export function useEndpointConfig(): EndpointConfig {
  const { session } = useApp();
  return { baseUrl: location.origin, token: session.token };
}
