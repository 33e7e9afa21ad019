// What an operation runs against: the active database (one admin gateway), the operator its
// decisions are recorded as, and the profile a destructive change must be confirmed with.
// The console's ConnectionService is one; the CLI builds another over its --embedded or
// --database-url target.
import { AdminError } from '../db/admin-error';
import type { AdminGateway } from '../db/admin-gateway';

export type ProfileFacts = { name: string; production: boolean };

export interface DatabaseSession {
  gateway(): Promise<AdminGateway>;
  operatorId(): Promise<string>;
  profile(): ProfileFacts;
}

/** The one check before destructive work on a production profile: its name, typed. */
export function requireConfirmation(profile: ProfileFacts, confirm: string | undefined, what: string): void {
  if (profile.production && confirm !== profile.name) {
    throw new AdminError({
      code: 'confirmation_required',
      message: `"${profile.name}" is a production profile: type its name to ${what}.`,
      hint: 'Nothing was changed.',
    });
  }
}
