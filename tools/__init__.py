"""Build-time tools: the air-gapped wheelhouse and its offline check. Never imported by briefing_tui."""
