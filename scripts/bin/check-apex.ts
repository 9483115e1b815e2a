import { parseProjectOptions, runMain } from '../lib/command-line.ts';
import { checkApex } from '../verify/apex-semantic.ts';

process.exitCode = await runMain(() => {
    const options = parseProjectOptions(
        'check-apex',
        'Apex semantic check (apex-ls and SOQL fields)',
        process.argv.slice(2)
    );
    return Promise.resolve(checkApex(options.project, (line) => console.log(line)));
});
