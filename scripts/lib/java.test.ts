import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { pmdEngineJarFolder, requireJava } from './java.ts';

describe('java', () => {
    it('finds the apex-ls jars shipped in the PMD engine package', () => {
        expect(existsSync(pmdEngineJarFolder())).toBe(true);
    });

    it('passes on this machine, which has Java', () => {
        expect(() => requireJava()).not.toThrow();
    });

    it('fails with the install hint when there is no java to run', () => {
        expect(() => requireJava('/nonexistent/bin/java')).toThrow('Java is not installed: install a Java 17 runtime');
    });
});
