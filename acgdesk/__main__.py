"""``python -m acgdesk`` behaves like the ``acgdesk`` command."""

from acgdesk.cli import main

raise SystemExit(main())
