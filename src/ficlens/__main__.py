"""``python -m ficlens`` runs the command line."""

import sys

from ficlens.cli import main

sys.exit(main())
