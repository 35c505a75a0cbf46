/** The domain's test fixtures, for the specs of code built on the domain (read models, reports). */
export * from './customer-arbitraries.js';
export * from './customer-fixtures.js';
export * from './given-when-then.js';
export * from './metadata.js';
export * from './plain.js';
