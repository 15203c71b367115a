"""``python -m geo``: same as ``python -m geo.boundaries`` (rebuild the committed geometry)."""

from geo.boundaries import main

raise SystemExit(main())
