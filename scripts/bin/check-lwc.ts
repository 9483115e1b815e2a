import { parseProjectOptions, runMain } from '../lib/command-line.ts';
import { checkLwcBundles } from '../verify/lwc-compile.ts';

process.exitCode = await runMain(async () => {
    const options = parseProjectOptions(
        'check-lwc',
        'Compile every LWC bundle with the platform compiler',
        process.argv.slice(2)
    );
    return checkLwcBundles(options.project, (line) => console.log(line));
});
