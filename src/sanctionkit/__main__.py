"""``python -m sanctionkit`` runs the command line."""

from sanctionkit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
