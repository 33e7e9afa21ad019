// Opens a direct SQL connection from a target: an embedded workspace folder or a database URL.
import { mkdir } from 'node:fs/promises';
import { EmbeddedDatabase } from './embedded-database';
import { PostgresDatabase } from './postgres-database';
import type { SqlConnection } from './sql-connection';

export type SqlTarget = { embedded: string } | { databaseUrl: string };

export async function openSqlConnection(target: SqlTarget): Promise<SqlConnection> {
  if ('embedded' in target) {
    await mkdir(target.embedded, { recursive: true });
    return EmbeddedDatabase.open(target.embedded);
  }
  return PostgresDatabase.connect(target.databaseUrl);
}
