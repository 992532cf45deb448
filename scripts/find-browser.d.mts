// Types for find-browser.mjs, which the TypeScript e2e harness imports.
export function findBrowser(): string | undefined;
export function findLibfaketime(): string | undefined;
export function ensureBrowser(options?: { forTests?: boolean }): string;
