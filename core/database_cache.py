"""Django's database cache with an `incr` that holds across processes.

Django's `DatabaseCache.incr` is `BaseCache.incr`: a `get`, then a `set`. Two
gunicorn workers counting the same rate-limit key both read 7 and both write 8,
so a limit of 60 lets many more through. Here the increment takes the row's
write lock first (a no-op UPDATE: a row lock on PostgreSQL and MySQL, the
database's write lock on SQLite), then reads and writes inside that one
transaction, so concurrent increments queue instead of overwriting each other.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, cache_key = quote(self._table), quote("cache_key")
        value_column, expires_column = quote("value"), quote("expires")
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {expires_column} = {expires_column} "  # noqa: S608
                f"WHERE {cache_key} = %s",
                [key],
            )
            if cursor.rowcount == 0:
                raise ValueError(f"Key '{key}' not found")
            cursor.execute(
                f"SELECT {value_column}, {expires_column} FROM {table} "  # noqa: S608
                f"WHERE {cache_key} = %s",
                [key],
            )
            value, expires = cursor.fetchone()
            if self._to_datetime(connection, expires) < now():
                raise ValueError(f"Key '{key}' not found")
            value = connection.ops.process_clob(value)
            # Only this site writes the cache table, as in Django's own get().
            stored = pickle.loads(base64.b64decode(value.encode()))  # noqa: S301
            new_value = stored + delta
            encoded = base64.b64encode(
                pickle.dumps(new_value, self.pickle_protocol)
            ).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s "  # noqa: S608
                f"WHERE {cache_key} = %s",
                [encoded, key],
            )
        return new_value

    @staticmethod
    def _to_datetime(connection, value):
        # The same conversion Django's get_many() applies to the column.
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value
