import { parseArgs } from 'node:util';
import { signToken } from '../auth/jwt.js';
import { principalOf, ROLES } from '../auth/principal.js';
import { readAppConfig } from '../config/data-folder-secret.js';

/** `npm run token -- --role reseller-admin --reseller RS-Vertical [--sub alice] [--customer C000000150] [--expires 12h]` */
const usage = `usage: npm run token -- --role <${ROLES.join('|')}> [--reseller <resellerId>, every role but operator] [--sub <actor>] [--customer <customerId>] [--expires 12h]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      reseller: { type: 'string' },
      sub: { type: 'string' },
      customer: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const role = ROLES.find((r) => r === values.role);
  if (!role || (role !== 'operator' && !values.reseller)) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  // The same loader as the API's start, so both sign with the same secret (the data folder's, without AUTH_JWT_SECRET).
  const config = await readAppConfig(process.env);
  if (config.secretSource === 'data-folder') {
    console.error(
      'note: signed with the secret kept in the data folder (AUTH_JWT_SECRET is not set); only the API on that folder accepts it',
    );
  }
  const actor = values.sub ?? (role === 'operator' ? 'operator' : `${role}@${values.reseller}`);
  console.log(
    await signToken(
      principalOf(role, actor, values.reseller, values.customer),
      config.jwtSecret,
      values.expires,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
