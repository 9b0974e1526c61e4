// The client's address, for rate limits and the audit log. The socket's address is the client's
// unless it is a proxy listed in TRUST_PROXY; only then is X-Forwarded-For read, from its right
// end, skipping every listed proxy, so a client cannot pick its own bucket by sending the header.
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export type TrustedProxies = BlockList | null;

/** TRUST_PROXY: comma-separated addresses or CIDRs (IPv4 or IPv6); empty means none. */
export function parseTrustProxy(raw: string | undefined): TrustedProxies {
  const entries = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (family === 0 || extra !== undefined || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))) {
      throw new Error(`TRUST_PROXY takes addresses or CIDRs separated by commas, got ${JSON.stringify(entry)}`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

// An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
const plain = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The first address, from the right, that is not a trusted proxy. */
export function resolveClientAddress(socketAddress: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  const socket = plain(socketAddress);
  if (!trusted || !isTrusted(trusted, socket)) return socket;
  const hops = (forwardedFor ?? '').split(',').map((s) => plain(s.trim())).filter((s) => isIP(s) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(trusted, hops[i]!)) return hops[i]!;
  }
  return hops[0] ?? socket;
}

export function clientAddress(c: Context, trusted: TrustedProxies): string {
  const socket = getConnInfo(c).remote.address ?? 'unknown';
  return resolveClientAddress(socket, c.req.header('x-forwarded-for'), trusted);
}
