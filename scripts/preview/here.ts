import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder (its own module: Jest's CommonJS runtime cannot parse `import.meta`, so tests replace it). */
export const PREVIEW_DIR = path.dirname(fileURLToPath(import.meta.url));
