// Types of scripts/layers.mjs for the TypeScript that imports it (test/unit/architecture.test.ts).
export declare const LAYERS: { name: string; folders: string[] }[];
export declare const FOLDERS: string[];
export declare function layerOf(folder: string): string | undefined;
export declare function allowedFor(folder: string): string[];
