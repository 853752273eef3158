import type { Command } from 'commander';
import { ConfigError, databasePath, loadConfig } from '../../config.js';
import { openDatabase, type Database } from '../../db/client.js';
import { Role, createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys.js';
import { InputError, NotFoundError } from '../../services/errors.js';
import { CliError } from '../errors.js';

/** Opens the service's database (DATABASE_URL), runs `work`, and turns service errors into messages. */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  let url: string;
  try {
    url = loadConfig().DATABASE_URL;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const db = await openDatabase(databasePath(url));
  try {
    return await work(db);
  } catch (error) {
    if (error instanceof InputError) throw new CliError(`${error.message}: ${error.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    if (error instanceof NotFoundError) throw new CliError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

function parseRole(value: string): Role {
  const role = Role.safeParse(value);
  if (!role.success) throw new CliError(`--role: must be one of ${Role.options.join(', ')}, got "${value}"`);
  return role.data;
}

/**
 * `keys create --role coordinator`: prints the new key alone on stdout (shown once, stored
 * hashed), so `KEY=$(npm run --silent cli -- keys create --role coordinator)` captures it.
 */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys of the service (database from DATABASE_URL, default file:./data/placement.db)');
  keys.command('create')
    .description('Create an API key and print it once')
    .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
    .option('--employer <id>', 'the employer an employer key is bound to')
    .option('--label <text>', 'who or what the key is for')
    .action(async (options: { role: string; employer?: string; label?: string }) => {
      const role = parseRole(options.role);
      if (role === 'employer' && !options.employer) throw new CliError('--employer <id>: required for role employer');
      if (role !== 'employer' && options.employer) throw new CliError('--employer: only employer keys are bound to an employer');
      const created = await withDatabase((db) => createApiKey(db, {
        role, employerId: options.employer ?? null, ...(options.label ? { label: options.label } : {}),
      }));
      process.stderr.write(`created ${created.role} key ${created.keyId}${created.employerId ? ` for employer ${created.employerId}` : ''}; it is shown only now:\n`);
      process.stdout.write(`${created.key}\n`);
    });
  keys.command('list')
    .description('List keys (ids, roles, employers; never the keys themselves)')
    .action(async () => {
      const rows = await withDatabase(listApiKeys);
      for (const k of rows) {
        process.stdout.write(`${k.keyId}  ${k.role.padEnd(11)} ${k.employerId ?? '-'}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.label ?? ''}\n`);
      }
    });
  keys.command('revoke <keyId>')
    .description('Revoke a key: refused from its next request on')
    .action(async (keyId: string) => {
      await withDatabase((db) => revokeApiKey(db, keyId));
      process.stderr.write(`revoked key ${keyId}\n`);
    });
}
