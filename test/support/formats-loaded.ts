/**
 * The format lists load when a dialog first opens (the exchange code is loaded on first use), as
 * the user sees: a disabled list, then the formats. Under the test runner that first load compiles
 * every format's module, which takes seconds on a busy machine; the list is waited for that long.
 */
export const FORMATS_LOADED = { timeout: 20_000 };
