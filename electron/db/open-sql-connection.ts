// Opens a direct SQL connection from a target: an embedded workspace folder or a database URL.
import { EmbeddedDatabase } from './embedded-database';
import { PostgresDatabase } from './postgres-database';
import type { SqlConnection } from './sql-connection';
import type { WorkspaceProgram } from './workspace-lock';

export type SqlTarget = { embedded: string } | { databaseUrl: string };

/**
 * `program` says who opens an embedded folder (the CLI, by default): it is named to anyone the
 * folder's lock then refuses, and it picks the advice a refused opener gets.
 */
export async function openSqlConnection(target: SqlTarget, program: WorkspaceProgram = 'cli'): Promise<SqlConnection> {
  if ('embedded' in target) return EmbeddedDatabase.open(target.embedded, { program });
  return PostgresDatabase.connect(target.databaseUrl);
}
