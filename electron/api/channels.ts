// The names of every channel between renderer and main. Kept free of zod so the sandboxed
// preload stays tiny; contract.ts gives each one its schemas (and the compiler checks both
// lists agree).
export const CHANNELS = [
  'app:info',
  'connections:list',
  'connections:save',
  'connections:delete',
  'connections:activate',
  'connections:test',
  'connections:set-operator',
  'database:overview',
  'migrations:status',
  'migrations:sql',
  'migrations:up',
  'jobs:get',
  'moderation:counts',
  'moderation:queue',
  'moderation:review',
  'moderation:act',
  'moderation:update-metadata',
  'moderation:undo',
  'moderation:reports',
  'moderation:dismiss-reports',
  'moderation:comments',
  'moderation:contexts-queue',
  'moderation:contexts',
  'moderation:set-user-active',
  'moderation:claim',
  'moderation:release',
  'moderation:reasons',
  'moderation:save-reason',
  'moderation:operators',
  'moderation:taxonomy-options',
  'shell:open-external',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** The one event channel main → renderer (job progress). */
export const EVENT_CHANNEL = 'events:job';
