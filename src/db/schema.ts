import type { AccountTables } from '../accounts/tables.js'
import type { BackupTables } from '../backup/tables.js'
import type { LimitTables } from '../limits/tables.js'
import type { MovieTables } from '../movies/tables.js'
import type { PeopleTables } from '../people/tables.js'
import type { RatingTables } from '../ratings/tables.js'

/**
 * The whole database as Kysely sees it, composed from the tables each feature owns.
 * Times are milliseconds since the epoch (bigint), calendar dates are `YYYY-MM-DD` text,
 * flags are 0/1 integers: the same on SQLite and PostgreSQL.
 */
export interface Database
  extends AccountTables,
    BackupTables,
    LimitTables,
    MovieTables,
    PeopleTables,
    RatingTables {}
