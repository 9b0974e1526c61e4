// The street office's requests send bodies the endpoint's checks accept, to the paths it serves,
// and read its answers with the protocol's schemas; anything else in answer is a protocol error
// and a refusal keeps the endpoint's code. The network edge is a stub.
import { describe, expect, it } from 'vitest';
import { addCompany, createCommunity, fetchCommunityCsv, fetchDashboard, listCommunities, listCompanies } from '../../../src/app/sync/streetApi';
import { communityCreateSchema, companyCreateSchema } from '../../../src/shared/protocol/street';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function endpoint(answer: () => Response) {
  const sent: { method: string; url: URL; body: unknown; auth: string | undefined }[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).authorization;
    sent.push({ method: init.method ?? 'GET', url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)), auth });
    return answer();
  }) as unknown as typeof globalThis.fetch;
  return { config: { baseUrl: 'http://127.0.0.1:1', token: 't', fetch }, sent };
}

const community = { id: 'community-9', name: { zh: '新华社区', en: 'Xinhua' }, timeZone: null };
const company = { id: 'pc-7', name: { zh: '蓝天物业', en: 'Blue Sky Property' } };
const times = { count: 2, median: 3.25, p90: 5 };
const dashboard = {
  week: '2026-W10',
  communities: [{ communityId: 'community-9', name: community.name, found: 1, open: 1, overdue: 0, toAssign: times, toResolve: { count: 0, median: null, p90: null }, compounds: 0, notVisited: [], rounds: 0, patrolHours: 0 }],
  companies: [{ companyId: 'pc-7', name: company.name, communities: 1, assigned: 1, open: 1, overdue: 0, resolved: 0, toResolve: times }],
};

describe('street office requests', () => {
  it('create a community with its first admin, and hand back the code', async () => {
    const answer = { community, admin: { memberId: 'm-9', code: 'ABCD-EFGH', expiresAt: '2026-03-05T08:00:00.000Z' } };
    const { config, sent } = endpoint(() => json(answer, 201));
    const body = { name: community.name, timeZone: null, admin: { name: '李梅' } };
    expect(await createCommunity(config, body)).toEqual(answer);
    expect(sent[0]).toMatchObject({ method: 'POST', auth: 'Bearer t' });
    expect(sent[0]!.url.pathname).toBe('/api/v1/street/communities');
    expect(communityCreateSchema.parse(sent[0]!.body)).toEqual(body);
  });

  it('list communities and companies, and add a company', async () => {
    expect(await listCommunities(endpoint(() => json({ communities: [community] })).config)).toEqual([community]);
    expect(await listCompanies(endpoint(() => json({ companies: [company] })).config)).toEqual([company]);
    const add = endpoint(() => json({ company }, 201));
    expect(await addCompany(add.config, company.name)).toEqual(company);
    expect(add.sent[0]!.url.pathname).toBe('/api/v1/street/companies');
    expect(companyCreateSchema.parse(add.sent[0]!.body)).toEqual({ name: company.name });
  });

  it('ask the dashboard for a week, or for the endpoint’s default week', async () => {
    const picked = endpoint(() => json(dashboard));
    expect(await fetchDashboard(picked.config, '2026-W10')).toEqual(dashboard);
    expect(picked.sent[0]!.url.pathname + picked.sent[0]!.url.search).toBe('/api/v1/street/dashboard?week=2026-W10');
    const defaulted = endpoint(() => json(dashboard));
    await fetchDashboard(defaulted.config);
    expect(defaulted.sent[0]!.url.search).toBe('');
  });

  it('fetch a community’s weekly CSV in the person’s language', async () => {
    const csv = '\uFEFFID,Status\r\nh1,open\r\n';
    const { config, sent } = endpoint(() => new Response(csv, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    const blob = await fetchCommunityCsv(config, 'community-9', '2026-W10', 'zh-CN');
    // Byte for byte: the BOM that makes Excel read UTF-8 stays.
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new TextEncoder().encode(csv));
    expect(blob.type).toBe('text/csv; charset=utf-8');
    const query = Object.fromEntries(sent[0]!.url.searchParams);
    expect(sent[0]!.url.pathname).toBe('/api/v1/reports/weekly');
    expect(query).toEqual({ community: 'community-9', week: '2026-W10', format: 'csv', lang: 'zh-CN' });
  });

  it('take an answer in another shape for a protocol error, and keep a refusal’s code', async () => {
    await expect(fetchDashboard(endpoint(() => json({ ...dashboard, communities: [{ communityId: 'x' }] })).config)).rejects.toMatchObject({ code: 'protocol' });
    await expect(listCommunities(endpoint(() => json({ communities: [{ id: 'x' }] })).config)).rejects.toMatchObject({ code: 'protocol' });
    const refused = endpoint(() => json({ error: { code: 'forbidden', message: 'only the street office may use this route' } }, 403));
    await expect(listCompanies(refused.config)).rejects.toMatchObject({ code: 'server', status: 403, serverCode: 'forbidden' });
  });
});
