/**
 * The shape every use case of the ledger follows: decide(command, state) -> events, evolve(state, event) -> state.
 * Nothing here knows about HTTP, databases or clocks; time, ids and the actor arrive on the command.
 */
/** `operator` is the carrier's staff: it registers root resellers and keeps the catalog, and sees no customer's data. */
export type Role =
  'operator' | 'reseller-admin' | 'approver' | 'customer-manager' | 'auditor' | 'billing-analyst';

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
  /**
   * Folds many events at once with the same rules as `evolve`, without copying the state per event;
   * `fold` uses it when a decider offers it. The state passed in is left as it was.
   */
  readonly evolveAll?: (state: S, events: readonly E[]) => S;
}

/** Folds a stream's events into state, from the start or onto a state folded before: the "load" half of load -> decide -> append. */
export const fold = <E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState' | 'evolveAll'>,
  events: readonly E[],
  from: S = decider.initialState(),
): S => (decider.evolveAll ? decider.evolveAll(from, events) : events.reduce(decider.evolve, from));

/**
 * A state's rules written once, as steps that change a private draft in place. `draft` copies a
 * state so that the draft shares nothing it will change with it; `apply` changes the draft and
 * returns it (or a new draft, when an event starts the state afresh); `seal` gives the draft back
 * as a state, after which it is never changed again.
 */
export interface DraftRules<E, S, D> {
  readonly draft: (state: S) => D;
  readonly apply: (draft: D, event: E) => D;
  readonly seal: (draft: D) => S;
}

/**
 * `evolve` and `evolveAll` from the same draft rules: `evolve` drafts a copy per event (O(size),
 * pure for whoever holds the state), `evolveAll` drafts one copy and applies every event to it, so
 * folding a stream costs O(size + events) instead of O(size x events).
 */
export const evolveByDraft = <E, S, D>({ draft, apply, seal }: DraftRules<E, S, D>) => ({
  evolve: (state: S, event: E): S => seal(apply(draft(state), event)),
  evolveAll: (state: S, events: readonly E[]): S => {
    let next = draft(state);
    for (const event of events) next = apply(next, event);
    return seal(next);
  },
});
