"""Pure core of the ICI site: data model, loading, validation and view models.

Nothing in this package imports MkDocs, so it can be tested alone and moved to another
static-site engine; the MkDocs adapters live in ``hooks/ici_mkdocs`` and ``hooks/*.py``.
"""
