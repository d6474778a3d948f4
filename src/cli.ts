/**
 * Administration from the command line (`npm run admin -- <command>`):
 *
 *   create-admin --email <e-mail> --name "<full name>"   password from the prompt or --password-stdin
 *   grant-official --email <e-mail>                       grant the official role
 *   revoke-official --email <e-mail>                      revoke the official role
 *   migrate                                               apply database migrations
 *   backup [--output <file>]                              consistent backup (SQLite online / pg_dump)
 *   restore <file>                                        restore a backup (stop the server first)
 *
 * Every change is written to the audit log with the actor "cli".
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { cliActor } from './platform/audit/audit.js';
import { backupDatabase, defaultBackupPath, restoreDatabase } from './platform/backup/backup.js';
import { createDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createAdministrator } from './features/admin/create-administrator.js';
import { grantRole, revokeRole } from './features/admin/change-role.js';

const usage = `Użycie / usage: npm run admin -- <polecenie>
  create-admin --email <e-mail> --name "<imię i nazwisko>" [--password-stdin]
  grant-official --email <e-mail>
  revoke-official --email <e-mail>
  migrate
  backup [--output <plik>]
  restore <plik>`;

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolvePassword) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const output = rl as unknown as { _writeToOutput: (s: string) => void };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolvePassword(answer);
      });
      output._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
    });
  const first = await ask('Hasło (co najmniej 12 znaków): ');
  const second = await ask('Powtórz hasło: ');
  if (first !== second) throw new Error('Hasła nie są takie same.');
  return first;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      output: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();

  if (command === 'backup') {
    const target = values.output ?? defaultBackupPath(config.database);
    await backupDatabase(config.database, target);
    process.stdout.write(`Kopia zapasowa zapisana: ${target}\n`);
    return 0;
  }
  if (command === 'restore') {
    const source = positionals[0];
    if (!source) throw new Error('Podaj plik kopii: npm run restore -- <plik>');
    const { keptAs } = restoreDatabase(config.database, source);
    process.stdout.write(`Przywrócono bazę z ${source}.${keptAs ? ` Poprzednia baza zachowana jako ${keptAs}.` : ''}\n`);
    return 0;
  }

  const database = createDatabase(config.database);
  try {
    await migrateToLatest(database);
    if (command === 'migrate') {
      process.stdout.write('Migracje zastosowane.\n');
      return 0;
    }
    const email = values.email?.trim().toLowerCase();
    if (command === 'create-admin') {
      if (!email || !values.name) throw new Error('Podaj --email i --name.');
      const password = await readPassword(values['password-stdin'] ?? false);
      const result = await createAdministrator(database.db, cliActor, { email, displayName: values.name, password });
      if (!result.ok) throw new Error('Hasło musi mieć co najmniej 12 znaków.');
      process.stdout.write(
        result.created ? `Utworzono administratora ${email}.\n` : `Konto ${email} istniało — nadano rolę administratora.\n`,
      );
      return 0;
    }
    if (command === 'grant-official' || command === 'revoke-official') {
      if (!email) throw new Error('Podaj --email.');
      const user = await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (!user) throw new Error(`Nie ma konta ${email}.`);
      const change = command === 'grant-official' ? grantRole : revokeRole;
      const result = await change(database.db, cliActor, user.id, 'official');
      if (!result.ok) throw new Error(`Nie udało się zmienić roli (${result.reason}).`);
      process.stdout.write(
        result.changed
          ? `${command === 'grant-official' ? 'Nadano' : 'Odebrano'} rolę urzędnika: ${email}.\n`
          : `Bez zmian: ${email} ${command === 'grant-official' ? 'już ma' : 'nie ma'} roli urzędnika.\n`,
      );
      return 0;
    }
    process.stderr.write(`${usage}\n`);
    return 2;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Błąd: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
