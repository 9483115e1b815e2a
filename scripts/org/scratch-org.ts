import { readFileSync } from 'node:fs';
import { Org, scratchOrgCreate } from '@salesforce/core';
import { orgMessages as messages } from '../cli/messages/org.ts';

/** The scratch org definition (config/project-scratch-def.json), read and checked to be a JSON object. */
export function readDefinition(file: string): Record<string, unknown> {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw messages.createError('error.definitionFile', [file, (error as Error).message]);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw messages.createError('error.definitionFile', [file, (error as Error).message]);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw messages.createError('error.definitionFile', [file, 'not a JSON object']);
    }
    return parsed as Record<string, unknown>;
}

export interface CreatedScratchOrg {
    username: string;
    expirationDate: string;
}

/** The seam to @salesforce/core's scratch org creation (tests replace `create`). */
export const scratchOrgs = {
    async create(options: {
        hub: Org;
        definition: Record<string, unknown>;
        alias: string;
        durationDays: number;
    }): Promise<CreatedScratchOrg> {
        const result = await scratchOrgCreate({
            hubOrg: options.hub,
            orgConfig: options.definition,
            alias: options.alias,
            durationDays: options.durationDays,
            setDefault: true,
            tracksSource: true
        });
        return {
            username: result.username ?? '',
            expirationDate: String(result.scratchOrgInfo?.ExpirationDate ?? '')
        };
    },

    async open(username: string): Promise<Org> {
        return Org.create({ aliasOrUsername: username });
    }
};
