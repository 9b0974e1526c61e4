// The office's online-only actions (devices, enrollment codes). They act on the endpoint's
// state, not the phone's, so they are requests, not outbox mutations; failures are shown as such.
import * as z from 'zod/mini';
import { requestJson, type EndpointConfig } from './requestJson';

const deviceSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  lastSeenAt: z.string(),
  revokedAt: z.nullable(z.string()),
});
export type DeviceListing = z.infer<typeof deviceSchema>;
const devicesSchema = z.object({ devices: z.array(deviceSchema) });
const codeSchema = z.object({ code: z.string(), expiresAt: z.string() });

export async function listDevices(config: EndpointConfig): Promise<DeviceListing[]> {
  return (await requestJson(config, '/api/v1/admin/devices', devicesSchema, { method: 'GET' })).devices;
}

export async function revokeDevice(config: EndpointConfig, id: string): Promise<DeviceListing[]> {
  const path = `/api/v1/admin/devices/${encodeURIComponent(id)}/revoke`;
  return (await requestJson(config, path, devicesSchema, { method: 'POST', body: {} })).devices;
}

export function createEnrollmentCode(config: EndpointConfig, memberId: string) {
  return requestJson(config, '/api/v1/admin/enrollment-codes', codeSchema, { method: 'POST', body: { memberId } });
}
