// A member's own devices (settings): the list, and signing one out (a lost second phone, say).
// Online-only, like the office's actions; the answer is always the list as it now stands.
import { request, type EndpointConfig } from './request';
import { ownDevicesResponseSchema, type OwnDevice } from '../../shared/protocol/devices';

export const listOwnDevices = async (config: EndpointConfig): Promise<OwnDevice[]> =>
  (await request(config, '/api/v1/devices', { expect: ownDevicesResponseSchema })).devices;

export const signOutDevice = async (config: EndpointConfig, id: string): Promise<OwnDevice[]> =>
  (await request(config, `/api/v1/devices/${encodeURIComponent(id)}/sign-out`, { method: 'POST', body: { json: {} }, expect: ownDevicesResponseSchema })).devices;
