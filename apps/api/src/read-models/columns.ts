import type { ColumnOptions, PrimaryColumnOptions } from 'typeorm';

/** PostgreSQL hands bigint and numeric back as strings; the read models use them as numbers. */
const asNumber = { to: (value: unknown) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

export const bigintColumn = (name: string, options: ColumnOptions = {}): ColumnOptions => ({ name, type: 'bigint', transformer: asNumber, ...options });
/** A bigint primary key column read as a number. */
export const bigintKey = (name: string): PrimaryColumnOptions => ({ name, type: 'bigint', transformer: asNumber });
export const moneyColumn = (name: string, options: ColumnOptions = {}): ColumnOptions => ({ name, type: 'numeric', precision: 12, scale: 2, transformer: asNumber, ...options });
export const READ_MODELS_SCHEMA = 'read_models';
