import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { standaloneManifest } from '../cli/standalone.ts';
import type { Interfaces } from '@oclif/core';

// `npm run relay -- <topic> <command>`: the plugin's commands without the `relay` topic that `sf` needs.
// Run them with the oclif that SfCommand itself extends (sf-plugins-core may carry its own copy).
const oclif = createRequire(import.meta.resolve('@salesforce/sf-plugins-core'))(
    '@oclif/core'
) as typeof import('@oclif/core');
// A reader that stops early (`| head`) ends the run quietly instead of with an unsettled await.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
});
const root = path.resolve(import.meta.dirname, '..', '..');
const pjson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Interfaces.PJSON;
await oclif.execute({ args: process.argv.slice(2), loadOptions: { root, pjson: standaloneManifest(pjson) } });
