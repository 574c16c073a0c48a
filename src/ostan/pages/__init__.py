"""What every app's pages share: running one action from a form, and reading one object or a 404."""
