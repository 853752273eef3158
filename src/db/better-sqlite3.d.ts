// better-sqlite3 ships no types and @types/better-sqlite3 is not installed: the part the
// migrator (and Prisma's adapter options) use.
declare module 'better-sqlite3' {
  namespace BetterSqlite3 {
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      /** Milliseconds to wait on a locked database (SQLite's busy timeout). */
      timeout?: number;
    }
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement {
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
    }
    interface Transaction<F extends (...args: never[]) => unknown> {
      (...args: Parameters<F>): ReturnType<F>;
      immediate(...args: Parameters<F>): ReturnType<F>;
    }
    interface Database {
      prepare(sql: string): Statement;
      exec(sql: string): this;
      pragma(source: string): unknown;
      transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
      close(): this;
    }
  }
  const Database: {
    new (filename: string, options?: BetterSqlite3.Options): BetterSqlite3.Database;
  };
  namespace Database {
    type Database = BetterSqlite3.Database;
    type Options = BetterSqlite3.Options;
  }
  export = Database;
}
