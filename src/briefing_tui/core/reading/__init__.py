"""Safe reading of untrusted files: bounded, non-blocking reads under a root, decoding, and the one
sanitizing policy for what reaches a terminal."""
