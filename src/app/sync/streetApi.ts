// The street office's online-only requests (/api/v1/street, and a community's weekly report).
// They read and change the endpoint's state, not the phone's, so they are requests, not outbox
// mutations; a failure is a SyncError for the screen to word. Bodies and answers are the
// protocol's (shared/protocol/street).
import { request, type EndpointConfig } from './request';
import {
  communitiesResponseSchema,
  communityCreatedSchema,
  companiesResponseSchema,
  companyCreatedSchema,
  streetDashboardSchema,
  streetMapSchema,
  type CommunityCreate,
} from '../../shared/protocol/street';
import type { LocalizedName } from '../../shared/domain/schemas';
import type { Locale } from '../../shared/i18n';

const street = (path: string) => `/api/v1/street${path}`;

export const listCommunities = async (config: EndpointConfig) =>
  (await request(config, street('/communities'), { expect: communitiesResponseSchema })).communities;

/** The community and its first admin's single-use enrollment code. */
export const createCommunity = (config: EndpointConfig, body: CommunityCreate) =>
  request(config, street('/communities'), { method: 'POST', body: { json: body }, expect: communityCreatedSchema });

export const listCompanies = async (config: EndpointConfig) =>
  (await request(config, street('/companies'), { expect: companiesResponseSchema })).companies;

export const addCompany = async (config: EndpointConfig, name: LocalizedName) =>
  (await request(config, street('/companies'), { method: 'POST', body: { json: { name } }, expect: companyCreatedSchema })).company;

/** The week's figures across the street; without a week, the endpoint's last complete one. */
export const fetchDashboard = (config: EndpointConfig, week?: string, signal?: AbortSignal) =>
  request(config, street(`/dashboard${week ? `?week=${encodeURIComponent(week)}` : ''}`), { expect: streetDashboardSchema, signal });

/** The week's map: community outlines and hazards by severity (no tracks: those are personal data). */
export const streetMap = (config: EndpointConfig, week?: string, signal?: AbortSignal) =>
  request(config, street(`/map${week ? `?week=${encodeURIComponent(week)}` : ''}`), { expect: streetMapSchema, signal });

/** A community's weekly hazard list as CSV, as the endpoint builds it (the phone holds none of its rows). */
export async function fetchCommunityCsv(config: EndpointConfig, communityId: string, week: string, locale: Locale): Promise<Blob> {
  const query = new URLSearchParams({ community: communityId, week, format: 'csv', lang: locale });
  const answer = await request(config, `/api/v1/reports/weekly?${query}`, { expect: 'bytes', timeoutMs: 120_000 });
  return new Blob([answer.bytes], { type: answer.contentType ?? 'text/csv;charset=utf-8' });
}
