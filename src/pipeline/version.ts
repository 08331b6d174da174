import { readFileSync } from 'node:fs';

/** The pipeline's version, from package.json: every record carries it. */
export const PIPELINE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
