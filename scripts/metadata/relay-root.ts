/**
 * Relay's own folder (its .prettierrc.json and node_modules), where the formatter and the standard-object
 * catalogue are found. It is the working directory when the tools run from the repository (npm run, npx, Jest);
 * a command that runs elsewhere sets it from its own location.
 */
let root = process.cwd();

export function relayRoot(): string {
    return root;
}

export function setRelayRoot(directory: string): void {
    root = directory;
}
