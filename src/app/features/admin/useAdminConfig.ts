// The endpoint config for the office's online-only requests, from the enrolled session.
import { useApp } from '../../AppContext';
import type { EndpointConfig } from '../../sync/requestJson';

export function useAdminConfig(): EndpointConfig {
  const { session } = useApp();
  return { baseUrl: location.origin, token: session.token };
}
