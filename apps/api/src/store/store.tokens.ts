/** Injection tokens for the infrastructure the handlers depend on through ports. */
export const DATABASE = Symbol('DATABASE');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const SQL_POOL = Symbol('SQL_POOL');
