"""SQLite storage: connection settings, named migrations, and the table queries the core needs."""
