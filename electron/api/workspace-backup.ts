// The embedded workspace's backups: the file name the console suggests, in the data folder's
// "backups" folder (the Settings field and the desktop app's Save dialog alike).

/** The suggested backup file name, stamped to the minute (UTC): workspace-20261127-0241.tar.gz. */
export function suggestedBackupName(now = new Date()): string {
  return `workspace-${now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.tar.gz`;
}
