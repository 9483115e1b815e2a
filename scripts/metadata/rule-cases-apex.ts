/**
 * Writes force-app/test/settings/classes/IntegrationSettingRuleCasesTest.cls from rule-cases.json:
 * `npx node scripts/metadata/rule-cases-apex.ts --write`. Without --write it only says whether the class is current.
 */
import { existsSync, readFileSync } from 'node:fs';
import { APEX_CLASS_FILE, expectedApexClass, writeApexClass } from './rule-cases.ts';

if (process.argv.includes('--write')) {
    writeApexClass();
    process.stdout.write(`Wrote ${APEX_CLASS_FILE}\n`);
} else {
    const current = existsSync(APEX_CLASS_FILE) && readFileSync(APEX_CLASS_FILE, 'utf8') === expectedApexClass();
    process.stdout.write(current ? 'up to date\n' : `${APEX_CLASS_FILE} is out of date: run with --write\n`);
    process.exitCode = current ? 0 : 1;
}
