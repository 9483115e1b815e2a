import type { SfCommand } from '@salesforce/sf-plugins-core';

/** An argument definition as the oclif that SfCommand extends types it. */
export type ArgDefinition = (typeof SfCommand)['args'][string];

/**
 * A required string argument, the object oclif's `Args.string({ required: true, description })` builds. The
 * top-level `@oclif/core` may be another copy than the one sf-plugins-core extends (here 4.x beside its 5.x), and
 * their `Args` types do not mix, so commands take their arguments from here.
 */
export function requiredStringArg(description: string): ArgDefinition {
    return {
        description,
        required: true,
        input: [],
        type: 'option',
        parse: (input: string) => Promise.resolve(input)
    } as unknown as ArgDefinition;
}
