/** The domain's test fixtures, for the specs of code built on the domain (read models, reports). */
export * from './customer-fixtures.js';
export * from './given-when-then.js';
export * from './metadata.js';
