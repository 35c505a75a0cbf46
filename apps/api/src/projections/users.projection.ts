import { type DocumentReadModel, documentProjection } from './document-projection.js';
import type { ProjectedEvent } from './projection.js';
import type { TableSpec } from './row-set.js';

interface UserRow {
  customerId: string;
  extension: number;
  name: string;
  site: string;
  portalId: string;
  email: string;
  package: string;
  addedAt: string;
}

interface PeriodRow {
  customerId: string;
  extension: number;
  fromPosition: number;
  package: string;
  fromAt: string;
  toAt: string | null;
}

/** One extension of a customer: the user on it now, if any, and the package periods this batch touches. */
export interface UserView {
  readonly user: UserRow | null;
  /** The open period as stored, then the ones the batch's events ended or began. */
  readonly periods: readonly PeriodRow[];
}

interface UserId {
  customerId: string;
  extension: number;
}

const USERS: TableSpec<UserRow> = {
  table: 'users',
  key: ['customerId', 'extension'],
  columns: { customerId: 'text', extension: 'int4', name: 'text', site: 'text', portalId: 'text', email: 'text', package: 'text', addedAt: 'timestamptz' },
};

const HISTORY: TableSpec<PeriodRow> = {
  table: 'user_package_history',
  key: ['customerId', 'extension', 'fromPosition'],
  columns: { customerId: 'text', extension: 'int4', fromPosition: 'int8', package: 'text', fromAt: 'timestamptz', toAt: 'timestamptz' },
};

/** Ends the open period and, unless the user left, starts one on `next`. */
const movedTo = (periods: readonly PeriodRow[], next: string | null, { position, occurredAt }: ProjectedEvent, id: UserId): PeriodRow[] => [
  ...periods.map((period) => (period.toAt === null ? { ...period, toAt: occurredAt } : period)),
  ...(next === null ? [] : [{ ...id, fromPosition: position, package: next, fromAt: occurredAt, toAt: null }]),
];

/** Users with their current package, and every package each user held, from when to when. */
export const usersReadModel: DocumentReadModel<UserId, UserView> = {
  name: 'users',
  eventTypes: ['UserAdded', 'PackageChanged', 'UserRemoved'],
  documentsOf: ({ event }) =>
    event?.type === 'UserAdded' || event?.type === 'PackageChanged' || event?.type === 'UserRemoved'
      ? [{ customerId: event.data.customerId, extension: event.data.extension }]
      : [],
  evolve(view, projected) {
    const { event, occurredAt } = projected;
    const periods = view?.periods ?? [];
    switch (event?.type) {
      case 'UserAdded': {
        const { customerId, extension } = event.data;
        return { user: { ...event.data, addedAt: occurredAt }, periods: movedTo(periods, event.data.package, projected, { customerId, extension }) };
      }
      case 'PackageChanged': {
        const { customerId, extension, toPackage } = event.data;
        const user = view?.user ? { ...view.user, package: toPackage } : null;
        return { user, periods: movedTo(periods, toPackage, projected, { customerId, extension }) };
      }
      case 'UserRemoved': {
        const { customerId, extension } = event.data;
        return { user: null, periods: movedTo(periods, null, projected, { customerId, extension }) };
      }
      default:
        return view;
    }
  },
  tables: [
    { spec: USERS, idColumns: ['customerId', 'extension'], rowsOf: (view) => (view.user ? [view.user] : []) },
    { spec: HISTORY, idColumns: ['customerId', 'extension'], where: 'to_at IS NULL', rowsOf: (view) => [...view.periods] },
  ],
  documentOf: (_, [users, periods]) =>
    users?.length || periods?.length ? { user: (users?.[0] as UserRow | undefined) ?? null, periods: (periods ?? []) as PeriodRow[] } : null,
};

export const usersProjection = documentProjection(usersReadModel);
