// /api/v1/admin: the office's roster (members, teams), devices and their revocation, single-use
// enrollment codes and the audit log. The request bodies are what the endpoint checks (a name is
// trimmed, then 1–100 characters; ids are 1–64); the app sends only what they accept.
import * as z from 'zod/mini';
import { entityId, localizedNameSchema, memberSchema, roleSchema, teamSchema } from '../domain/schemas';
import { deviceListingSchema } from './devices';

const memberFields = {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  teamId: z.nullable(entityId),
  role: roleSchema,
  propertyCompanyId: z.nullable(entityId),
  active: z.boolean(),
};

/** POST /members: a new member, active unless said otherwise; the endpoint gives the id. */
export const memberCreateSchema = z.object({ ...memberFields, active: z.optional(z.boolean()) });
export type MemberCreate = z.input<typeof memberCreateSchema>;

/** PATCH /members/<id>: any of the fields; active false deactivates. */
export const memberPatchSchema = z.partial(z.object(memberFields));
export type MemberPatch = z.input<typeof memberPatchSchema>;

/** POST /teams and PATCH /teams/<id>. */
export const teamBodySchema = z.object({ name: localizedNameSchema });
export type TeamBody = z.infer<typeof teamBodySchema>;

/** POST /enrollment-codes: a code for an active member, shown once. */
export const enrollmentCodeRequestSchema = z.object({ memberId: entityId });
export const enrollmentCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() });
export type EnrollmentCode = z.infer<typeof enrollmentCodeResponseSchema>;

export const memberResponseSchema = z.object({ member: memberSchema });
export const membersResponseSchema = z.object({ members: z.array(memberSchema) });
export const teamResponseSchema = z.object({ team: teamSchema });
export const teamsResponseSchema = z.object({ teams: z.array(teamSchema) });
/** GET /devices, and POST /devices/<id>/revoke (the list as it now stands). */
export const devicesResponseSchema = z.object({ devices: z.array(deviceListingSchema) });

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorMemberId: z.string(),
  actorDeviceId: z.string(),
  action: z.string(),
  target: z.string(),
  /** What the action changed, by field; any object. */
  details: z.looseObject({}),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** GET /audit: newest first. */
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
