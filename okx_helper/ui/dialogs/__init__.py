"""Modal dialogs, one per module: each asks one thing and dismisses with a typed answer."""
