/* The schema migrations compiled into lotline (db/[0-9]*.sql, in order). */
#ifndef LOTLINE_DB_MIGRATIONS_H
#define LOTLINE_DB_MIGRATIONS_H

extern const char *const db_migrations[];
extern const int db_migration_count;

#endif
