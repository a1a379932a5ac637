"""MkDocs hooks: the site's pages, tables and checker, generated from `coverage_data` at build time."""
