/**
 * The shape every use case of the ledger follows: decide(command, state) -> events, evolve(state, event) -> state.
 * Nothing here knows about HTTP, databases or clocks; time, ids and the actor arrive on the command.
 */
/** `operator` is the carrier's staff: it registers root resellers and keeps the catalog, and sees no customer's data. */
export type Role = 'operator' | 'reseller-admin' | 'approver' | 'customer-manager' | 'auditor' | 'billing-analyst';

/** Who did it, when and why. Every recorded fact carries this (DOMAIN.md invariant). */
export interface CommandMetadata {
  readonly actor: string;
  readonly role: Role;
  /** ISO 8601 UTC time at which the command was accepted. */
  readonly now: string;
  readonly correlationId: string;
  readonly causationId: string;
}

export interface EventMetadata {
  readonly actor: string;
  readonly role: Role;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly schemaVersion: number;
}

export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

/** Folds a stream's events into state: the "load" half of load -> decide -> append. */
export const fold = <E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
