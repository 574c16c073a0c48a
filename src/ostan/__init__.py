"""Ostan (استان): a Persian-first platform for provincial and local governance."""
