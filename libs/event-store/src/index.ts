export * from './port/event-store.js';
