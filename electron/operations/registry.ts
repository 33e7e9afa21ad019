// Every console operation, by channel. Adding one: its SQL declaration in supabase/schemas, its
// descriptor in the domain's file here, and the UI (see README, "Adding an operation").
import { consoleOperations } from './console';
import { embeddingsOperations } from './embeddings';
import { graphOperations } from './graph';
import { maintenanceOperations } from './maintenance';
import { moderationOperations } from './moderation';
import { taxonomyOperations } from './taxonomy';

export const operations = {
  ...consoleOperations,
  ...moderationOperations,
  ...taxonomyOperations,
  ...graphOperations,
  ...embeddingsOperations,
  ...maintenanceOperations,
};

export type Operations = typeof operations;
