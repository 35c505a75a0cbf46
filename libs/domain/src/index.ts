export * from './shared/decider.js';
