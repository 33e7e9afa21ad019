import { describe, expect, it } from 'vitest';
import { deepLinkArgument, parseDeepLink, parseLinkRoute, toDeepLink, toLinkRoute } from '../../electron/api/deep-links';

const ID = '3f2b8c1e-9a4d-4c7b-8e21-5d6f7a8b9c0d';

describe('parseDeepLink', () => {
  it.each(['video', 'report', 'graph', 'job'] as const)('accepts a %s link', (kind) => {
    expect(parseDeepLink(`magna-console://${kind}/${ID}`)).toEqual({ kind, id: ID, profile: null });
  });

  it('accepts a profile, a trailing slash (Windows adds one) and upper-case hex', () => {
    expect(parseDeepLink(`magna-console://video/${ID}?profile=embedded`)).toEqual({ kind: 'video', id: ID, profile: 'embedded' });
    expect(parseDeepLink(`magna-console://job/${ID}/`)).toEqual({ kind: 'job', id: ID, profile: null });
    expect(parseDeepLink(`MAGNA-CONSOLE://VIDEO/${ID.toUpperCase()}`)).toEqual({ kind: 'video', id: ID, profile: null });
  });

  it.each([
    ['another scheme', `https://video/${ID}`],
    ['a lookalike scheme', `magna-consolex://video/${ID}`],
    ['an unknown kind', `magna-console://settings/${ID}`],
    ['a kind that is a page but not a link', `magna-console://migrations/${ID}`],
    ['no id', 'magna-console://video/'],
    ['a malformed id', 'magna-console://video/not-a-uuid-at-all-but-36-chars-long'],
    ['a uuid with the wrong shape', `magna-console://video/${ID.replaceAll('-', '')}0000`],
    ['an extra path segment', `magna-console://video/${ID}/delete`],
    ['a path traversal', `magna-console://video/../${ID}`],
    ['another parameter', `magna-console://video/${ID}?cmd=rm`],
    ['a second parameter', `magna-console://video/${ID}?profile=a&x=1`],
    ['a repeated profile', `magna-console://video/${ID}?profile=a&profile=b`],
    ['an empty profile', `magna-console://video/${ID}?profile=`],
    ['a profile with odd characters', `magna-console://video/${ID}?profile=a%2Fb`],
    ['a fragment', `magna-console://video/${ID}#x`],
    ['credentials', `magna-console://user:pw@video/${ID}`],
    ['a port', `magna-console://video:80/${ID}`],
    ['a space', `magna-console://video/${ID} --inspect`],
    ['a control character', `magna-console://video/${ID}\n`],
    ['a javascript URL', 'javascript:alert(1)'],
    ['an overlong link', `magna-console://video/${ID}?profile=${'a'.repeat(400)}`],
  ])('ignores %s', (_what, url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('ignores what is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['magna-console://video/' + ID]]) expect(parseDeepLink(value)).toBeNull();
  });
});

describe('link routes', () => {
  it('parses the hash routes of the browser shell', () => {
    expect(parseLinkRoute(`#/report/${ID}`)).toEqual({ kind: 'report', id: ID, profile: null });
    expect(parseLinkRoute(`#/graph/${ID}?profile=p-1`)).toEqual({ kind: 'graph', id: ID, profile: 'p-1' });
    expect(parseLinkRoute('#/moderation?tab=reports')).toBeNull();
    expect(parseLinkRoute(`#/video/${ID}?x=1`)).toBeNull();
    expect(parseLinkRoute(`#/users/${ID}`)).toBeNull();
  });

  it('round-trips a link through its URL and its route', () => {
    const link = { kind: 'job' as const, id: ID, profile: 'embedded' };
    expect(toDeepLink(link)).toBe(`magna-console://job/${ID}?profile=embedded`);
    expect(parseDeepLink(toDeepLink(link))).toEqual(link);
    expect(toLinkRoute(link)).toBe(`#/job/${ID}?profile=embedded`);
    expect(parseLinkRoute(toLinkRoute(link))).toEqual(link);
    expect(toDeepLink({ kind: 'video', id: ID })).toBe(`magna-console://video/${ID}`);
  });
});

describe('deepLinkArgument', () => {
  it('finds the link on a command line, whatever else Electron put there', () => {
    expect(deepLinkArgument(['/opt/magna/magna-galactica-console', '--no-sandbox', `magna-console://video/${ID}`])).toBe(
      `magna-console://video/${ID}`,
    );
    expect(deepLinkArgument(['/opt/magna/magna-galactica-console', '--flag'])).toBeNull();
  });
});
