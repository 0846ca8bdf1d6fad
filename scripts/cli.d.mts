// Types of scripts/cli.mjs for the TypeScript that imports it (test/integration/cli.test.ts, bench/measurements.ts).
export declare const BUNDLED_PACKAGES: string[];
export declare function buildQuick(): Promise<string>;
export declare function cliBundle(): Promise<string>;
