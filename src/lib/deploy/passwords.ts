/**
 * The password mode for small deployments: the operator keeps a users file OUTSIDE the repository
 * (`handle,password` per line) and the deployment gets one htpasswd file per private site, with
 * bcrypt hashes (nginx checks them with the system's crypt(), which on Debian is libxcrypt and
 * knows bcrypt), listing only the people that site is open to.
 */
import bcrypt from 'bcryptjs';
import { gitHandle } from '../../schemas/common.ts';
import { sameHandle } from '../scope/people.ts';
import type { Person, SiteAccess } from './access.ts';

export const MIN_PASSWORD_LENGTH = 12;

export interface UserPassword {
  handle: string;
  password: string;
  line: number;
}

/** Read a users file: `handle,password` lines; `#` comments, blank lines and a `handle,password` header are skipped. */
export function parseUsers(text: string, file: string): { users: UserPassword[]; problems: string[] } {
  const users: UserPassword[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const comma = raw.indexOf(',');
    if (comma === -1) {
      problems.push(`${file}:${line}: write handle,password (the git handle, a comma, then the password); this line has no comma`);
      return;
    }
    const handle = raw.slice(0, comma).trim();
    const password = raw.slice(comma + 1); // everything after the first comma, commas included
    if (handle.toLowerCase() === 'handle' && password.trim().toLowerCase() === 'password') return; // a header line
    if (!gitHandle.safeParse(handle).success) {
      problems.push(`${file}:${line}: "${handle}" is not a git handle; write the person's user name on the git host (letters, digits and single hyphens), then a comma and the password`);
      return;
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      problems.push(`${file}:${line}: the password for ${handle} is ${password.length} characters long; use at least ${MIN_PASSWORD_LENGTH} (a passphrase of several words is easiest to pass on)`);
      return;
    }
    if (/[\r\n\0]/.test(password)) {
      problems.push(`${file}:${line}: the password for ${handle} holds a control character; write it on one line`);
      return;
    }
    const twin = users.find((u) => sameHandle(u.handle, handle));
    if (twin) {
      problems.push(`${file}:${line}: ${handle} is listed twice (also on line ${twin.line}); keep one line per person`);
      return;
    }
    users.push({ handle, password, line });
  });
  return { users, problems };
}

/** Every handle in the users file must belong to someone in content; say which do not. */
export function unknownUsers(users: readonly UserPassword[], people: readonly Person[], file: string): string[] {
  return users
    .filter((u) => !people.some((p) => sameHandle(p.handle, u.handle)))
    .map(
      (u) =>
        `${file}:${u.line}: ${u.handle} is not in content: no participant or faculty file has gitHandle: ${u.handle}. Remove the line, or add gitHandle: ${u.handle} to that person's file under content/ (a handle only opens the sites content allows)`,
    );
}

export type Hasher = (password: string) => string;

export const bcryptHasher =
  (cost = 10): Hasher =>
  (password) =>
    bcrypt.hashSync(password, cost);

/**
 * The htpasswd text of one site: one line per allowed person who has a password. The user name
 * is the handle as written in content; when that has capitals, the lowercase form is accepted too.
 */
export function htpasswd(site: SiteAccess, users: readonly UserPassword[], hash: Hasher): { text: string; missing: string[] } {
  const lines: string[] = [];
  const missing: string[] = [];
  for (const handle of site.handles) {
    const user = users.find((u) => sameHandle(u.handle, handle));
    if (!user) {
      missing.push(handle);
      continue;
    }
    const hashed = hash(user.password);
    lines.push(`${handle}:${hashed}`);
    if (handle !== handle.toLowerCase()) lines.push(`${handle.toLowerCase()}:${hashed}`);
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', missing };
}
