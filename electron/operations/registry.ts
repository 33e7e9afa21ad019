// Every console operation, by channel. Adding one: its SQL declaration in supabase/schemas, its
// descriptor in the domain's file here, and the UI (see README, "Adding an operation").
import { activityOperations } from './activity';
import { consoleOperations } from './console';
import { dashboardOperations } from './dashboard';
import { embeddingsOperations } from './embeddings';
import { graphOperations } from './graph';
import { maintenanceOperations } from './maintenance';
import { moderationOperations } from './moderation';
import { notificationsOperations } from './notifications';
import { taxonomyOperations } from './taxonomy';
import { usersOperations } from './users';

export const operations = {
  ...consoleOperations,
  ...moderationOperations,
  ...taxonomyOperations,
  ...graphOperations,
  ...embeddingsOperations,
  ...usersOperations,
  ...notificationsOperations,
  ...dashboardOperations,
  ...activityOperations,
  ...maintenanceOperations,
};

export type Operations = typeof operations;
