// No file of the repository points at the shared notes kept beside it (a `shared` folder next to the clone):
// a user's clone does not have them. Code Analyzer's rule RelayNoWorkspaceSharedDocs (code-analyzer.yml) covers
// only its workspace, the package directories, and ignores *.ts; this covers every file Git tracks or would add
// (README.md, docs/, scripts/, config), so a new file is caught before it is committed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

/** The same pattern as the regex rule; written escaped, so this file holds no reference itself. */
const SHARED_DOC_REFERENCE = /(?:\.\.|\/work)\/shared\//;

/** `file:line: text` for every line that references a shared document. */
function findSharedDocReferences(files: { file: string; content: string }[]): string[] {
    return files.flatMap(({ file, content }) =>
        content
            .split(/\r?\n/)
            .flatMap((text, index) => (SHARED_DOC_REFERENCE.test(text) ? [`${file}:${index + 1}: ${text.trim()}`] : []))
    );
}

/** Tracked files plus untracked ones that are not ignored, relative to the repository root. */
function repositoryFiles(root: string): string[] {
    const output = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    return [...new Set(output.split('\0'))].filter((file) => file !== '' && !file.split('/').includes('node_modules'));
}

function readTextFiles(root: string, files: string[]): { file: string; content: string }[] {
    return files.flatMap((file) => {
        const absolute = path.join(root, file);
        // Deleted in the working tree but still in the index: nothing to read.
        if (!existsSync(absolute) || !statSync(absolute).isFile()) return [];
        const bytes = readFileSync(absolute);
        return bytes.includes(0) ? [] : [{ file, content: bytes.toString('utf8') }];
    });
}

describe('references to shared documents outside the repository', () => {
    it('appear in no file of the repository (state the fact and cite the Salesforce doc page instead)', () => {
        const root = process.cwd();
        const files = repositoryFiles(root);
        expect(files).toContain('README.md');

        const references = findSharedDocReferences(readTextFiles(root, files));

        expect(references).toEqual([]);
    });

    it('are found with file and line, in any file type', () => {
        const parent = ['..', 'shared', 'PLATFORM.md'].join('/');
        const absolute = ['', 'work', 'shared', 'TOOLCHAIN.md'].join('/');

        const references = findSharedDocReferences([
            { file: 'docs/a.md', content: `# A\r\nSee \`${parent}\` section 2.\r\n` },
            { file: 'scripts/b.ts', content: `// ok\n// measured in ${absolute}\n` },
            { file: 'force-app/c.cls', content: "// shared/PLATFORM.md alone, or '../sharedStuff/', is fine\n" }
        ]);

        expect(references).toEqual([
            `docs/a.md:2: See \`${parent}\` section 2.`,
            `scripts/b.ts:2: // measured in ${absolute}`
        ]);
    });
});
