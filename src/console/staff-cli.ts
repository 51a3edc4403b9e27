import { parseArgs } from 'node:util';
import type { Clock } from '../engine/clock.ts';
import { DEMO_USERNAME } from './demo-staff.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './passwords.ts';
import { ROLES, type Role, type StaffStore } from './staff-store.ts';

export const STAFF_USAGE = `Usage:
  npm run staff -- add NAME --role agent|supervisor   (password from stdin, or asked for)
  npm run staff -- remove NAME
  npm run staff -- logout NAME                         (ends every session of NAME)
  npm run staff -- list`;

export interface StaffCliIo {
  /** The password: the first line of piped stdin, or a hidden prompt on a terminal. */
  readPassword(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

/** `npm run staff`: manage staff accounts. Returns the exit code. */
export async function runStaffCli({
  argv,
  staff,
  io,
  clock,
}: {
  argv: string[];
  staff: StaffStore;
  io: StaffCliIo;
  clock: Clock;
}): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    io.err(`${(err as Error).message}\n${STAFF_USAGE}\n`);
    return 2;
  }
  const { command, name, role } = parsed;

  if (command === 'list') {
    const accounts = await staff.listAccounts();
    if (accounts.length === 0) io.out('No staff accounts yet.\n');
    for (const a of accounts)
      io.out(
        `${a.username.padEnd(24)} ${a.role.padEnd(10)} since ${new Date(a.createdAt).toISOString().slice(0, 10)}\n`,
      );
    return 0;
  }
  if (!name || !USERNAME_PATTERN.test(name)) {
    io.err(
      'NAME: 2 to 32 characters, lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.\n',
    );
    return 2;
  }
  if (name === DEMO_USERNAME) {
    io.err(`${DEMO_USERNAME} is the demo account of embedded mode, never stored: choose another NAME.\n`);
    return 2;
  }
  if (command === 'logout') {
    if (!(await staff.endSessions(name))) {
      io.err(`No staff member called ${name}.\n`);
      return 1;
    }
    io.out(`Ended every session of ${name}.\n`);
    return 0;
  }
  if (command === 'remove') {
    if (!(await staff.removeAccount(name))) {
      io.err(`No staff member called ${name}.\n`);
      return 1;
    }
    io.out(`Removed ${name}; their sessions end with the account.\n`);
    return 0;
  }
  if (!role) {
    io.err(`--role must be one of: ${ROLES.join(', ')}\n`);
    return 2;
  }
  const password = await io.readPassword();
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    io.err(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.\n`);
    return 1;
  }
  const existed = Boolean(await staff.getAccount(name));
  await staff.putAccount({
    username: name,
    role,
    passwordHash: await hashPassword(password),
    createdAt: clock.now(),
  });
  io.out(`${existed ? 'Updated' : 'Added'} ${name} (${role}).\n`);
  return 0;
}

type Command = 'add' | 'remove' | 'logout' | 'list';
const COMMANDS: readonly Command[] = ['add', 'remove', 'logout', 'list'];

function parse(argv: string[]): { command: Command; name?: string; role?: Role } {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' } },
  });
  const [word, name, ...rest] = positionals;
  const command = COMMANDS.find((c) => c === word);
  if (!command) throw new Error('Unknown command.');
  if (rest.length > 0) throw new Error(`Unexpected: ${rest.join(' ')}`);
  const role = values.role as Role | undefined;
  if (role !== undefined && !ROLES.includes(role))
    throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  return { command, name: name?.toLowerCase(), role: command === 'add' ? (role ?? undefined) : undefined };
}
