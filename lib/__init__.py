"""Framework-free helpers: plain functions with their own tests, no Django imports."""
