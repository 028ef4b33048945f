/** Globs of the files of the page's MAIN-world bundle, relative to the repository. */
export declare const PAGE_WORLD_FILES: string[];
