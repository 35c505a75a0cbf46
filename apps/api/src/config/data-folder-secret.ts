import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig, ConfigError, loadAppConfig, secretFolder } from './app-config.js';

/** The file in the data folder that keeps the embedded store's HS256 secret. */
export const SECRET_FILE = 'auth-jwt-secret';

/** loadAppConfig, with the data folder's secret read (or made) first when it is the one to use. */
export async function readAppConfig(env: NodeJS.ProcessEnv): Promise<AppConfig> {
  const folder = secretFolder(env);
  return loadAppConfig(env, folder === undefined ? undefined : await dataFolderSecret(folder));
}

/**
 * The folder's own secret: 32 random bytes (base64url), made on first use in a file only its owner
 * may read, and the same on every later start, so tokens from `npm run token` keep working.
 */
export async function dataFolderSecret(folder: string): Promise<string> {
  const file = join(folder, SECRET_FILE);
  const existing = await readSecret(file);
  if (existing !== undefined) return existing;
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await publishOnce(file, `${randomBytes(32).toString('base64url')}\n`);
  const secret = await readSecret(file);
  if (secret === undefined) throw new Error(`${file} vanished right after it was written`);
  return secret;
}

/**
 * Writes a draft ('wx': never over another file) and links it to `file`. link() fails when `file`
 * exists, so of two starts racing, the first one's secret wins and the other reads it; nobody ever
 * sees a half-written file.
 */
async function publishOnce(file: string, content: string): Promise<void> {
  const draft = `${file}.${randomBytes(6).toString('hex')}.draft`;
  await writeFile(draft, content, { flag: 'wx', mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
}

async function readSecret(file: string): Promise<string | undefined> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = content.trim();
  if (secret.length < 32) {
    throw new ConfigError(
      `${file} holds no usable secret (under 32 characters): delete it to make a new one, or set AUTH_JWT_SECRET`,
    );
  }
  return secret;
}
