"""MkDocs adapters for the pure core in ``hooks/ici``: the only code that imports MkDocs."""
