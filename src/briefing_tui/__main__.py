"""`python -m briefing_tui` runs the same entry point as the `briefing` command."""

from briefing_tui.cli import main

raise SystemExit(main())
