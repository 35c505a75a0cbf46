import type { MixedList } from 'typeorm';

/**
 * The TypeORM entities and migrations of the read models. The schema changes only through these
 * migrations (never `synchronize`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const READ_MODEL_ENTITIES: MixedList<Function> = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const READ_MODEL_MIGRATIONS: MixedList<Function> = [];
