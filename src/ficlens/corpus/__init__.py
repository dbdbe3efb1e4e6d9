"""Corpus scale: analyse a whole archive on Dask, resumably, into a queryable dataset.

:mod:`~ficlens.corpus.manifest` records every work's state in SQLite (driver only);
:mod:`~ficlens.corpus.task` is what a Dask worker runs for one work;
:mod:`~ficlens.corpus.dataset` lays out the outputs and turns a document into Parquet rows;
:mod:`~ficlens.corpus.runner` drives the cluster; :mod:`~ficlens.corpus.query` answers
DuckDB SQL over the dataset. Nothing is imported here, so a worker or ``ficlens query``
loads only what it uses.
"""
