// The one event channel main → renderer (job progress). Free of zod so the sandboxed preload
// stays one small file.
export const EVENT_CHANNEL = 'events:job';
