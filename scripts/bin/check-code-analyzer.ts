import { parseProjectOptions, runMain } from '../lib/command-line.ts';
import { checkCodeAnalyzer } from '../verify/code-analyzer.ts';

process.exitCode = await runMain(async () => {
    const options = parseProjectOptions(
        'check-code-analyzer',
        'Salesforce Code Analyzer: PMD, regex and Graph Engine',
        process.argv.slice(2)
    );
    return checkCodeAnalyzer(options.project, (line) => console.log(line));
});
