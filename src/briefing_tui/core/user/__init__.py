"""What belongs to the user: settings, reader state, quote exports, and the help text."""
