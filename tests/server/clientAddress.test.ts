// TRUST_PROXY: X-Forwarded-For is believed only from a listed proxy, read from its right end.
import { describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClientAddress } from '../../src/server/http/clientAddress';

describe('client address', () => {
  it('without TRUST_PROXY the header is ignored: a client cannot choose its own bucket', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', null)).toBe('203.0.113.9');
  });

  it('from a listed proxy, the rightmost address that is not a proxy', () => {
    const trusted = parseTrustProxy('10.0.0.0/8, 127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', '203.0.113.9', trusted)).toBe('203.0.113.9');
    // A spoofed left-hand entry is ignored: the proxy appended the real client on the right.
    expect(resolveClientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9, 10.1.2.3', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:127.0.0.1', '203.0.113.9', trusted)).toBe('203.0.113.9');
  });

  it('a socket that is not a listed proxy keeps its own address whatever the header says', () => {
    expect(resolveClientAddress('198.51.100.7', '203.0.113.9', parseTrustProxy('127.0.0.1'))).toBe('198.51.100.7');
  });

  it('IPv6 proxies and clients', () => {
    const trusted = parseTrustProxy('fd00::/8');
    expect(resolveClientAddress('fd00::1', '2001:db8::5', trusted)).toBe('2001:db8::5');
  });

  it('refuses a malformed list at start', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '::1/129']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
    }
    expect(parseTrustProxy('')).toBeNull();
  });
});
