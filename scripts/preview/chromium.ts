// Which Chromium the browser test drives: Debian's (playwright-core cannot download its own here).
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const INSTALL_COMMAND = 'apt-get install -y --no-install-recommends chromium fonts-liberation2';

/** The browser's path from RELAY_CHROMIUM, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
    return env.RELAY_CHROMIUM?.trim() || DEFAULT_CHROMIUM;
}

/** One sentence saying how to get the browser, or undefined when it is there. */
export function missingChromiumMessage(
    executable: string,
    exists: (file: string) => boolean = existsSync
): string | undefined {
    if (exists(executable)) {
        return undefined;
    }
    return (
        `Chromium not found at ${executable}: install it with \`${INSTALL_COMMAND}\` ` +
        '(.ci/run does this on a fresh machine) or set RELAY_CHROMIUM to a Chromium executable.'
    );
}
