// Devices as the endpoint lists them: GET /api/v1/devices and POST /api/v1/devices/<id>/sign-out
// (a member's own, `current` marking the asking phone) and the office's /api/v1/admin/devices.
// Nothing derived from a device's token is ever listed.
import * as z from 'zod/mini';

export const deviceListingSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  lastSeenAt: z.string(),
  revokedAt: z.nullable(z.string()),
  /** Absent from an endpoint that predates it. */
  appVersion: z.optional(z.string()),
});
export type DeviceListing = z.infer<typeof deviceListingSchema>;

export const ownDeviceSchema = z.extend(deviceListingSchema, { current: z.boolean() });
export type OwnDevice = z.infer<typeof ownDeviceSchema>;

export const ownDevicesResponseSchema = z.object({ devices: z.array(ownDeviceSchema) });
