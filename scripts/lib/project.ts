import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** A package directory of sfdx-project.json, resolved against the project root. */
export interface PackageDirectory {
    path: string;
    absolutePath: string;
}

interface SfdxProjectFile {
    packageDirectories?: { path?: unknown }[];
}

/** Reads the package directories of an SFDX project; fails with one clear line when the file is unusable. */
export function readPackageDirectories(projectRoot: string): PackageDirectory[] {
    const projectFile = path.join(projectRoot, 'sfdx-project.json');
    if (!existsSync(projectFile)) {
        throw new Error(`No sfdx-project.json in ${projectRoot}: run the command from the project root.`);
    }
    const parsed = JSON.parse(readFileSync(projectFile, 'utf8')) as SfdxProjectFile;
    const directories = (parsed.packageDirectories ?? []).map((entry) => entry.path);
    if (directories.length === 0 || directories.some((entry) => typeof entry !== 'string' || entry === '')) {
        throw new Error(`${projectFile} must list packageDirectories, each with a path.`);
    }
    return (directories as string[]).map((directory) => ({
        path: directory,
        absolutePath: path.resolve(projectRoot, directory)
    }));
}

/** Every file below `directory`, depth first, skipping the folders named in `skip`. */
export function listFiles(directory: string, skip: ReadonlySet<string> = new Set()): string[] {
    if (!existsSync(directory)) {
        return [];
    }
    return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const entryPath = path.join(directory, entry.name);
        if (entry.isDirectory()) {
            return skip.has(entry.name) ? [] : listFiles(entryPath, skip);
        }
        return [entryPath];
    });
}

/** A Lightning Web Component bundle: the folder under an `lwc` directory that holds its files. */
export interface LwcBundle {
    name: string;
    directory: string;
}

/** The LWC bundles of every package directory (folders directly under a folder named `lwc`). */
export function findLwcBundles(projectRoot: string): LwcBundle[] {
    const lwcFolders = readPackageDirectories(projectRoot).flatMap((directory) =>
        findFoldersNamed(directory.absolutePath, 'lwc')
    );
    return lwcFolders.flatMap((lwcFolder) =>
        readdirSync(lwcFolder, { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => ({ name: entry.name, directory: path.join(lwcFolder, entry.name) }))
    );
}

/** Every folder called `name` below `directory` (node_modules excluded). */
export function findFoldersNamed(directory: string, name: string): string[] {
    if (!existsSync(directory)) {
        return [];
    }
    return readdirSync(directory, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
        .flatMap((entry) => {
            const entryPath = path.join(directory, entry.name);
            return entry.name === name ? [entryPath] : findFoldersNamed(entryPath, name);
        });
}
