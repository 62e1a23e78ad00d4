import { signLaunchToken, verifyLaunchToken } from './launch-token';

const PREFIX = `packages/${'ab'.repeat(32)}/`;
const SECRET = 'x'.repeat(32);

describe('launch tokens', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const later = new Date(now.getTime() + 15 * 60_000);

  it('grants the package prefix until it expires', () => {
    const token = signLaunchToken(PREFIX, later, SECRET);
    expect(verifyLaunchToken(token, now, SECRET)).toBe(PREFIX);
    expect(verifyLaunchToken(token, new Date(later.getTime() + 1000), SECRET)).toBeNull();
  });

  it('refuses a token signed with another secret, or with any character changed', () => {
    const token = signLaunchToken(PREFIX, later, SECRET);
    expect(verifyLaunchToken(token, now, 'y'.repeat(32))).toBeNull();
    const otherPackage = token.replace(/^ab/, 'cd');
    expect(verifyLaunchToken(otherPackage, now, SECRET)).toBeNull();
    const longer = token.replace(
      /\.([0-9a-z]+)\./,
      (_m, exp: string) => `.${(parseInt(exp, 36) + 86400).toString(36)}.`,
    );
    expect(verifyLaunchToken(longer, now, SECRET)).toBeNull();
    expect(verifyLaunchToken('../../etc/passwd', now, SECRET)).toBeNull();
  });

  it('signs only package prefixes', () => {
    expect(() => signLaunchToken('content/sha256/ab/x', later, SECRET)).toThrow();
  });
});
