"""Quotations: where they are (`spans`), who said them (`attribution`, with `names`)."""
