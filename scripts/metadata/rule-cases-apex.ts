/**
 * Writes force-app/test/settings/classes/IntegrationSettingRuleCasesTest.cls from rule-cases.json:
 * `npx node scripts/metadata/rule-cases-apex.ts --write`. Without --write it only says whether the class is current.
 */
import { ruleCasesMain } from './rule-cases.ts';

process.exitCode = ruleCasesMain(process.argv.slice(2), (text) => process.stdout.write(text));
