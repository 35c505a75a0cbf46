import { parseArgs } from 'node:util';
import { loadAppConfig } from '../config/app-config.js';
import { signToken } from '../auth/jwt.js';
import { ROLES, type Principal } from '../auth/principal.js';

/** `npm run token -- --role reseller-admin --reseller RS-Vertical [--sub alice] [--customer C000000150] [--expires 12h]` */
const usage = `usage: npm run token -- --role <${ROLES.join('|')}> --reseller <resellerId> [--sub <actor>] [--customer <customerId>] [--expires 12h]`;

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
  if (!role || !values.reseller) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const config = loadAppConfig(process.env);
  if (config.usingDevelopmentSecret) console.error('warning: signing with the development secret (AUTH_JWT_SECRET is not set)');
  const principal: Principal = {
    actor: values.sub ?? `${role}@${values.reseller}`,
    role,
    resellerId: values.reseller,
    ...(values.customer ? { customerId: values.customer } : {}),
  };
  console.log(await signToken(principal, config.jwtSecret, values.expires));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
