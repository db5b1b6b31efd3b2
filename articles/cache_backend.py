"""Django's RedisCache, keeping one redis client per connection pool.

The stock client builds a new ``redis.Redis`` object (and its table of response callbacks) on
every cache call: about a fifth of the cost of serving a cached page. The client is only a
handle on the pool, which already owns the connections, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients_by_pool", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ArchiveRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingClient
