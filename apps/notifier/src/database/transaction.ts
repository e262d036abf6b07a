import { DataSource, EntityManager } from 'typeorm';

// An open database transaction as use cases hold it: a handle they pass to repositories, with no
// query API of its own. Only repositories turn it back into TypeORM's EntityManager (lint keeps
// TypeORM out of use cases, services and controllers), so every query stays in a repository.
export class Transaction {
  readonly #manager: EntityManager;

  private constructor(manager: EntityManager) {
    this.#manager = manager;
  }

  static run<T>(dataSource: DataSource, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return dataSource.transaction((manager) => work(new Transaction(manager)));
  }

  // For repositories: the transaction's manager, or the pool's outside a transaction.
  static manager(dataSource: DataSource, tx: Transaction | undefined): EntityManager {
    return tx ? tx.#manager : dataSource.manager;
  }
}
