import type { Interfaces } from '@oclif/core';

/** The export of scripts/cli/commands.ts that holds the commands without the `relay` topic. */
export const STANDALONE_IDENTIFIER = 'COMMANDS';

/**
 * package.json's oclif section describes Relay as an `sf` plugin (`sf relay deploy`; a bare `deploy` would clash
 * with the Salesforce CLI's own). The standalone runner reads the same section with its own bin name and the
 * unprefixed command set, so `npm run relay -- deploy` and `sf relay deploy` run the same class.
 */
export function standaloneManifest(pjson: Interfaces.PJSON): Interfaces.PJSON {
    const commands = pjson.oclif.commands;
    if (typeof commands !== 'object' || commands.strategy !== 'explicit') {
        throw new Error('package.json oclif.commands must use the explicit strategy (scripts/cli/commands.ts).');
    }
    return {
        ...pjson,
        oclif: {
            ...pjson.oclif,
            bin: 'relay',
            topics: pjson.oclif.topics?.relay?.subtopics ?? {},
            commands: { ...commands, identifier: STANDALONE_IDENTIFIER }
        }
    };
}
