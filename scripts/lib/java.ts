import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));

/** The folder of jars that @salesforce/code-analyzer-pmd-engine ships (PMD, apex-ls and their dependencies). */
export function pmdEngineJarFolder(): string {
    let packageJson: string;
    try {
        packageJson = require.resolve('@salesforce/code-analyzer-pmd-engine/package.json');
    } catch {
        throw new Error('@salesforce/code-analyzer-pmd-engine is not installed: run `npm ci`.');
    }
    const jarFolder = path.join(path.dirname(packageJson), 'dist', 'java-lib');
    if (!existsSync(jarFolder) || !readdirSync(jarFolder).some((jar) => jar.startsWith('apex-ls'))) {
        throw new Error(`No apex-ls jar in ${jarFolder}: reinstall @salesforce/code-analyzer-pmd-engine.`);
    }
    return jarFolder;
}

/** Fails with the reason when no Java 11+ runtime is on the PATH (apex-ls, PMD and Graph Engine need one). */
export function requireJava(javaExecutable = 'java'): void {
    const probe = spawnSync(javaExecutable, ['-version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
        throw new Error('Java is not installed: install a Java 17 runtime (apt-get install openjdk-17-jre-headless).');
    }
    const version = /version "(\d+)/.exec(probe.stderr)?.[1];
    if (version !== undefined && Number(version) < 11) {
        throw new Error(`Java ${version} is too old: apex-ls and PMD need Java 11 or later (17 recommended).`);
    }
}
