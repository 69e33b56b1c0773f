"""The ml-metadata config that a store's name means, for the scripts and tests that run the real
ml-metadata 1.17.1 (under Scripts/mlmd-python.sh).

A name is an SQLite file (created if missing), postgresql://USER:PASSWORD@HOST:PORT/DBNAME,
mysql://USER:PASSWORD@HOST:PORT/DATABASE, or grpc://HOST:PORT, a client of that server as TFX and
Kubeflow configure one; None is a store in memory.
"""
from urllib.parse import urlparse, unquote

from ml_metadata.proto import metadata_store_pb2 as pb


def connection_config(store):
    """A ConnectionConfig, or a MetadataStoreClientConfig for grpc://; either opens with
    metadata_store.MetadataStore."""
    config = pb.ConnectionConfig()
    if store is None:
        config.fake_database.SetInParent()
        return config
    url = urlparse(store)
    if url.scheme == "grpc":
        return pb.MetadataStoreClientConfig(host=url.hostname, port=url.port)
    if url.scheme in ("postgresql", "postgres"):
        config.postgresql.host = url.hostname or "127.0.0.1"
        config.postgresql.port = str(url.port or 5432)
        config.postgresql.user = unquote(url.username or "")
        config.postgresql.password = unquote(url.password or "")
        config.postgresql.dbname = url.path.lstrip("/")
    elif url.scheme == "mysql":
        config.mysql.host = url.hostname or "127.0.0.1"
        config.mysql.port = url.port or 3306
        config.mysql.user = unquote(url.username or "")
        config.mysql.password = unquote(url.password or "")
        config.mysql.database = url.path.lstrip("/")
    else:
        config.sqlite.filename_uri = store
        config.sqlite.connection_mode = pb.SqliteMetadataSourceConfig.READWRITE_OPENCREATE
    return config
