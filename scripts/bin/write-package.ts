import path from 'node:path';
import { parseProjectOptions, runMain } from '../lib/command-line.ts';
import { checkMetadata } from '../verify/metadata-convert.ts';

// Writes one deployable Metadata API package per package directory to dist/<directory>.
process.exitCode = await runMain(async () => {
    const options = parseProjectOptions(
        'write-package',
        'Write the deployable packages to dist/',
        process.argv.slice(2)
    );
    return checkMetadata(options.project, path.join(options.project, 'dist'), (line) => console.log(line));
});
