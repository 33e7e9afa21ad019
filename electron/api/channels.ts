// The channel names, derived from the operation registry. The sandboxed preload gets the same
// list at build time (vite.electron.config.ts), so it never bundles the schemas.
import { operations, type Operations } from '../operations/registry';

export type Channel = keyof Operations;
export const CHANNELS = Object.keys(operations) as Channel[];
export { EVENT_CHANNEL } from './events';
