// Written in by vite.electron.config.ts at build time.
/** Every contract channel, from the operation registry. */
declare const __MAGNA_CHANNELS__: readonly string[];
