import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseProjectOptions, runMain } from '../lib/command-line.ts';
import { checkMetadata } from '../verify/metadata-convert.ts';

process.exitCode = await runMain(async () => {
    const options = parseProjectOptions(
        'check-metadata',
        'Convert the source to Metadata API packages offline',
        process.argv.slice(2)
    );
    return checkMetadata(options.project, mkdtempSync(path.join(tmpdir(), 'relay-mdapi-')), (line) =>
        console.log(line)
    );
});
