/**
 * A small cache of computed values keyed by the data's version (data-version.ts): a value is computed
 * at most once per version (concurrent callers share the computation), the first call after any
 * committed change computes afresh, and a failed computation is not kept. The key includes the date,
 * so values that depend on "today" roll over at midnight. Scoped per database and per `scope` object
 * (the domain list), so tests with different domains on one database never share values.
 */

import { dataVersion } from './data-version.ts';
import type { Db } from './db.ts';

export class VersionedCache<T> {
  private readonly stores = new WeakMap<Db, WeakMap<object, Map<string, Promise<T>>>>();

  /** `max`: entries kept per database and scope; the oldest goes first. */
  constructor(private readonly max: number) {}

  async get(db: Db, scope: object, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await dataVersion(db);
    const full = `${key}|${version}|${new Date().toISOString().slice(0, 10)}`;
    let scopes = this.stores.get(db);
    if (!scopes) {
      scopes = new WeakMap();
      this.stores.set(db, scopes);
    }
    let store = scopes.get(scope);
    if (!store) {
      store = new Map();
      scopes.set(scope, store);
    }
    const hit = store.get(full);
    if (hit) return hit;
    for (const old of [...store.keys()]) if (old.startsWith(`${key}|`)) store.delete(old);
    while (store.size >= this.max) store.delete(store.keys().next().value as string);
    const value = compute();
    store.set(full, value);
    const entries = store;
    value.catch(() => {
      if (entries.get(full) === value) entries.delete(full);
    });
    return value;
  }

  /** Forgets every value computed for a database. */
  clear(db: Db): void {
    this.stores.delete(db);
  }
}
