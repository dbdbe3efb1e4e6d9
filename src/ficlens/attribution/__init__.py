"""Speaker, addressee and quote-type attribution (the attribution stage's method)."""
