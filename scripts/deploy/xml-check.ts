import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listFiles } from '../lib/project.ts';

interface XmlValidationError {
    err: { code: string; msg: string; line: number; col: number };
}

interface FastXmlParser {
    XMLValidator: { validate(xml: string): true | XmlValidationError };
}

// The XML parser source-deploy-retrieve itself parses metadata with (its own dependency, not one of Relay's).
const requireHere = createRequire(import.meta.url);
const parser = createRequire(requireHere.resolve('@salesforce/source-deploy-retrieve'))(
    'fast-xml-parser'
) as FastXmlParser;

/** A malformed XML file: where, and what the parser says. */
export interface XmlProblem {
    file: string;
    line: number;
    message: string;
}

/**
 * Every `.xml` file below the package directories, parsed. SDR only parses the XML of some types while it converts
 * (an object's, not an Apex class's `-meta.xml`), and then reports `\n`-joined text without a path relative to the
 * project: this finds them all first, as `file:line`.
 */
export function findMalformedXml(projectRoot: string, packageDirectories: readonly string[]): XmlProblem[] {
    return packageDirectories.flatMap((directory) =>
        listFiles(path.resolve(projectRoot, directory), new Set(['node_modules', '__tests__']))
            .filter((file) => file.endsWith('.xml'))
            .flatMap((file) => {
                const result = parser.XMLValidator.validate(readFileSync(file, 'utf8'));
                return result === true
                    ? []
                    : [{ file: path.relative(projectRoot, file), line: result.err.line, message: result.err.msg }];
            })
    );
}
