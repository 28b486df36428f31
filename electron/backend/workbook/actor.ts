import os from 'node:os';

/** The logged-in user, as the audit log and the default owner name it. */
export function currentActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'onbekend';
  }
}
