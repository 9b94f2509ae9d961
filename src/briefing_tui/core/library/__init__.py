"""The library as files: scanning roots, loading an entry, grouping, watching for changes, and parsing in
killable worker processes."""
