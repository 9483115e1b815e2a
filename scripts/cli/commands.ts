import path from 'node:path';
import { discoverCommands, underTopic } from './command-registry.ts';

// oclif's explicit command strategy (package.json oclif.commands) imports this module. Node 24 strips the types of
// every command file it imports, so no build step and no ts-node: the .ts files are the plugin.
const discovered = await discoverCommands(path.join(import.meta.dirname, 'commands'));

/** Commands for the standalone runner (`npm run relay -- deploy`). */
export const COMMANDS = discovered;

/** Commands as an `sf` plugin (`sf relay deploy`): the Salesforce CLI has its own `deploy` and `org` topics. */
export const SF_COMMANDS = underTopic(discovered, 'relay');
