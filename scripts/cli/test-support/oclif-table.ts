// Jest stand-in for @oclif/table (its ink renderer loads yoga-layout, an ES module with top-level await, which
// Jest's CommonJS runtime cannot load). Renders the same data as plain aligned text so tests can read it.
interface TableOptions {
    data: Record<string, unknown>[];
    columns?: (string | { key: string; name?: string })[];
    title?: string;
}

export function makeTable(options: TableOptions): string {
    const columns = (options.columns ?? Object.keys(options.data[0] ?? {})).map((column) =>
        typeof column === 'string'
            ? { key: column, name: column }
            : { key: column.key, name: column.name ?? column.key }
    );
    const text = (value: unknown): string => {
        if (value === undefined || value === null) return '';
        return typeof value === 'string' ? value : JSON.stringify(value);
    };
    const rows = options.data.map((row) => columns.map((column) => text(row[column.key])));
    const header = columns.map((column) => column.name);
    return [...(options.title ? [options.title] : []), header.join(' | '), ...rows.map((row) => row.join(' | '))].join(
        '\n'
    );
}

export function printTable(options: TableOptions): void {
    process.stdout.write(`${makeTable(options)}\n`);
}
