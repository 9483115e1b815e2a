import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ComponentSet, ForceIgnore, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import { findLwcBundles, listFiles, readPackageDirectories } from '../lib/project.ts';

/** The outcome of converting one package directory to a Metadata API package. */
export interface ConversionReport {
    packageDirectory: string;
    outputDirectory: string;
    componentCount: number;
    problems: string[];
}

/** Every source file a component (and its children, such as an object's fields) was resolved from. */
export function componentFiles(component: SourceComponent): string[] {
    // A decomposed parent (an object) reports its whole folder as content, misnamed files included:
    // count only its own XML and its children's, so a misnamed field file is caught.
    const isDecomposedParent = component.type.children !== undefined;
    const content = component.content && !isDecomposedParent ? component.walkContent() : [];
    const own = [component.xml, ...content].filter((file): file is string => typeof file === 'string');
    return [...own, ...component.getChildren().flatMap(componentFiles)];
}

/** `type:fullName` pairs listed in a package.xml. */
export function readPackageXmlMembers(packageXml: string): Set<string> {
    const members = new Set<string>();
    for (const types of packageXml.matchAll(/<types>([\s\S]*?)<\/types>/g)) {
        const typeName = /<name>([^<]+)<\/name>/.exec(types[1])?.[1];
        for (const member of types[1].matchAll(/<members>([^<]+)<\/members>/g)) {
            members.add(`${typeName}:${member[1]}`);
        }
    }
    return members;
}

/**
 * Converts one package directory to Metadata API format in `outputDirectory` (cleared first) and
 * checks what SDR's converter does not: it writes only package.xml, exit 0, when an LWC bundle lacks
 * its .js, and it silently skips files it cannot resolve.
 */
export async function convertPackageDirectory(
    projectRoot: string,
    packageDirectory: string,
    outputDirectory: string
): Promise<ConversionReport> {
    const problems: string[] = [];
    const sourceRoot = path.resolve(projectRoot, packageDirectory);
    for (const bundle of findLwcBundles(projectRoot).filter((candidate) =>
        candidate.directory.startsWith(sourceRoot + path.sep)
    )) {
        if (!existsSync(path.join(bundle.directory, `${bundle.name}.js`))) {
            problems.push(
                `LWC bundle ${bundle.name} has no ${bundle.name}.js (run npm run build:lwc): the converter would drop every component.`
            );
        }
    }
    const componentSet = ComponentSet.fromSource(sourceRoot);
    const components = componentSet.getSourceComponents().toArray();
    if (components.length === 0) {
        problems.push(`${packageDirectory} holds no deployable component.`);
    }

    const forceIgnore = ForceIgnore.findAndCreate(projectRoot);
    const resolved = new Set(components.flatMap(componentFiles).map((file) => path.resolve(file)));
    for (const file of listFiles(sourceRoot, new Set(['node_modules']))) {
        if (!resolved.has(path.resolve(file)) && !forceIgnore.denies(file)) {
            problems.push(
                `${path.relative(projectRoot, file)} does not resolve to any metadata component (misnamed or misplaced?).`
            );
        }
    }

    rmSync(outputDirectory, { recursive: true, force: true });
    await new MetadataConverter().convert(componentSet, 'metadata', {
        type: 'directory',
        outputDirectory,
        genUniqueDir: false
    });
    const packageXmlPath = path.join(outputDirectory, 'package.xml');
    const listed = existsSync(packageXmlPath)
        ? readPackageXmlMembers(readFileSync(packageXmlPath, 'utf8'))
        : new Set<string>();
    const written = listFiles(outputDirectory).map((file) => path.relative(outputDirectory, file));
    for (const member of componentSet.toArray()) {
        const key = `${member.type.name}:${member.fullName}`;
        if (!listed.has(key)) {
            problems.push(`package.xml does not list ${key}.`);
        }
        const topLevelName = member.fullName.split('.')[0];
        if (!member.fullName.includes('.') && !written.some((file) => file.includes(topLevelName))) {
            problems.push(`the converted package has no file for ${key}.`);
        }
    }
    return { packageDirectory, outputDirectory, componentCount: componentSet.size, problems };
}

/** Converts every package directory into `outputRoot/<package directory>`. Returns one report each. */
export async function convertProject(projectRoot: string, outputRoot: string): Promise<ConversionReport[]> {
    const reports: ConversionReport[] = [];
    for (const directory of readPackageDirectories(projectRoot)) {
        reports.push(await convertPackageDirectory(projectRoot, directory.path, path.join(outputRoot, directory.path)));
    }
    return reports;
}

/** The metadata check: every package directory converts offline and is whole. Returns the exit code. */
export async function checkMetadata(
    projectRoot: string,
    outputRoot: string,
    log: (line: string) => void
): Promise<number> {
    const reports = await convertProject(projectRoot, outputRoot);
    let problemCount = 0;
    for (const report of reports) {
        report.problems.forEach((problem) => log(`${report.packageDirectory}: ${problem}`));
        problemCount += report.problems.length;
        log(
            `${report.packageDirectory}: ${report.componentCount} components converted to ${path.relative(projectRoot, report.outputDirectory)} with package.xml`
        );
    }
    return problemCount === 0 ? 0 : 1;
}
