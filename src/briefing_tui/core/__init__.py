"""The pure-Python core: reading, parsing, quotes and the library. It never imports Textual or Rich."""
