import { describe, expect, it, jest } from '@jest/globals';
import { DEFAULT_CHROMIUM, INSTALL_COMMAND, chromiumPath, missingChromiumMessage } from './chromium.ts';
import { requireChromium } from './run.ts';

jest.mock('./here.ts', () => ({ PREVIEW_DIR: '/preview' }));

describe('chromium', () => {
    it("uses RELAY_CHROMIUM, else Debian's", () => {
        expect(chromiumPath({ RELAY_CHROMIUM: ' /opt/chrome ' })).toBe('/opt/chrome');
        expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
    });

    it('says in one sentence how to install a missing browser', () => {
        const message = missingChromiumMessage('/nope/chromium', () => false);

        expect(message).toContain(INSTALL_COMMAND);
        expect(message).toContain('/nope/chromium');
        expect(message?.split('. ').length).toBe(1);
        expect(missingChromiumMessage('/usr/bin/chromium', () => true)).toBeUndefined();
    });

    it('requireChromium throws that sentence or returns the path', () => {
        expect(() => requireChromium({ RELAY_CHROMIUM: '/nope' }, () => false)).toThrow(INSTALL_COMMAND);
        expect(requireChromium({ RELAY_CHROMIUM: '/ok' }, () => true)).toBe('/ok');
    });
});
