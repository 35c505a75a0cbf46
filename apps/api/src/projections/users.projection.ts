import type { ProjectedEvent, Projection } from './projection.js';
import { RowSet, type Sql, type TableSpec } from './row-set.js';

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

interface HistoryRow {
  customerId: string;
  extension: number;
  fromPosition: number;
  package: string;
  fromAt: string;
  toAt: string | null;
}

const USERS: TableSpec<UserRow> = {
  table: 'users',
  key: ['customerId', 'extension'],
  columns: { customerId: 'text', extension: 'int4', name: 'text', site: 'text', portalId: 'text', email: 'text', package: 'text', addedAt: 'timestamptz' },
};

const HISTORY: TableSpec<HistoryRow> = {
  table: 'user_package_history',
  key: ['customerId', 'extension', 'fromPosition'],
  columns: { customerId: 'text', extension: 'int4', fromPosition: 'int8', package: 'text', fromAt: 'timestamptz', toAt: 'timestamptz' },
};

class UsersBatch {
  readonly users = new RowSet(USERS);
  readonly history = new RowSet(HISTORY);

  async load(events: readonly ProjectedEvent[], sql: Sql): Promise<void> {
    const keys = events.flatMap((e) =>
      e.event?.type === 'PackageChanged' || e.event?.type === 'UserRemoved' ? [{ customerId: e.event.data.customerId, extension: e.event.data.extension }] : [],
    );
    await this.users.load(sql, ['customerId', 'extension'], keys);
    await this.history.load(sql, ['customerId', 'extension'], keys, 'to_at IS NULL');
  }

  /** Ends the user's current package period and, unless the user left, starts the next one. */
  moveTo(customerId: string, extension: number, next: { package: string; position: number; at: string } | null, at: string): void {
    const open = this.history.all().find((row) => row.customerId === customerId && row.extension === extension && row.toAt === null);
    if (open) this.history.put({ ...open, toAt: at });
    if (next) this.history.put({ customerId, extension, fromPosition: next.position, package: next.package, fromAt: next.at, toAt: null });
  }
}

const applyEvent = (batch: UsersBatch, { event, position, occurredAt }: ProjectedEvent): void => {
  if (!event) return;
  switch (event.type) {
    case 'UserAdded': {
      const { customerId, extension } = event.data;
      batch.users.put({ ...event.data, addedAt: occurredAt });
      batch.moveTo(customerId, extension, { package: event.data.package, position, at: occurredAt }, occurredAt);
      return;
    }
    case 'PackageChanged': {
      const { customerId, extension, toPackage } = event.data;
      const user = batch.users.get({ customerId, extension });
      if (user) batch.users.put({ ...user, package: toPackage });
      batch.moveTo(customerId, extension, { package: toPackage, position, at: occurredAt }, occurredAt);
      return;
    }
    case 'UserRemoved': {
      const { customerId, extension } = event.data;
      batch.users.remove({ customerId, extension });
      batch.moveTo(customerId, extension, null, occurredAt);
      return;
    }
    default:
      return;
  }
};

/** Users with their current package, and every package each user held, from when to when. */
export const usersProjection: Projection = {
  name: 'users',
  eventTypes: ['UserAdded', 'PackageChanged', 'UserRemoved'],
  tables: ['users', 'user_package_history'],
  async apply(events, sql) {
    const batch = new UsersBatch();
    await batch.load(events, sql);
    for (const event of events) applyEvent(batch, event);
    await batch.users.flush(sql);
    await batch.history.flush(sql);
  },
};
