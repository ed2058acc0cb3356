// Test-only: the raw SQLite connection behind a Service, for assertions that need SQL.
// Product code never gets it: Service.db is private and src/api/raw-db.ts is fenced by the import rules.
export { rawDb as dbOf } from '../../src/api/raw-db.ts';
