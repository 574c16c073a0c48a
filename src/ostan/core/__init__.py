"""Pure domain cores: plain Python, no Django, no clock, no randomness of their own."""
