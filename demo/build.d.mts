/** The file in dist/ that marks a build by `npm start` (not minified; size-limit refuses it). */
export declare const DEMO_MARKER: string
/** The demo's parts, one rollup process each. */
export declare const demoParts: string[][]
/** Whether dist/ under `root` has every file the demo serves, newer than every source file. */
export declare function isBuilt(root: string): boolean
/** Builds what the demo needs unless it is fresh; resolves to whether it built. */
export declare function ensureBuilt(root: string, log?: (line: string) => void): Promise<boolean>
