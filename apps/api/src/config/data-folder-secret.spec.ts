import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from './app-config.js';
import { dataFolderSecret, readAppConfig, SECRET_FILE } from './data-folder-secret.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ledger-secret-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the data folder secret', () => {
  it('is made once, random, in a file only its owner can read, in a folder made for it', async () => {
    const folder = join(root, 'new', 'data');
    const secret = await dataFolderSecret(folder);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    expect((await stat(join(folder, SECRET_FILE))).mode & 0o777).toBe(0o600);
    expect(await dataFolderSecret(folder)).toBe(secret);
    expect(await dataFolderSecret(join(root, 'other'))).not.toBe(secret);
  });

  it('is the same for starts racing on one folder, and leaves no draft behind', async () => {
    const folder = join(root, 'race');
    const secrets = await Promise.all(Array.from({ length: 8 }, () => dataFolderSecret(folder)));
    expect(new Set(secrets).size).toBe(1);
    expect(await readdir(folder)).toEqual([SECRET_FILE]);
  });

  it('refuses a file that holds no usable secret', async () => {
    const folder = join(root, 'broken');
    await dataFolderSecret(folder);
    await writeFile(join(folder, SECRET_FILE), 'short\n');
    await expect(dataFolderSecret(folder)).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('readAppConfig', () => {
  it('signs with the data folder secret when AUTH_JWT_SECRET is not set', async () => {
    const folder = join(root, 'app');
    const config = await readAppConfig({ LEDGER_DATA_DIR: folder });
    expect(config).toMatchObject({ secretSource: 'data-folder', jwtSecret: await dataFolderSecret(folder) });
  });

  it('touches no folder when AUTH_JWT_SECRET is set', async () => {
    const folder = join(root, 'configured');
    const secret = 'a-configured-secret-of-at-least-32-characters';
    const config = await readAppConfig({ LEDGER_DATA_DIR: folder, AUTH_JWT_SECRET: secret });
    expect(config).toMatchObject({ secretSource: 'configured', jwtSecret: secret });
    await expect(stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
