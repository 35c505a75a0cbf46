// `npm start`: builds the workspace, then runs the whole product on the embedded store (no
// DATABASE_URL needed) with demo data recorded on first start. Environment variables: see README.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const api = spawn(process.execPath, ['apps/api/dist/main.js', '--demo'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
