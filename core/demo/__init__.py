"""The fictional Glenbrae partnership, built by `manage.py seed_demo`.

Each app adds its own demo data in `<app>/demo.py`, a module with
`ORDER` (lower runs first) and `seed(ctx)`. A seeder must be deterministic
(use ctx.random(name)) and safe to run again (check for its own data first).
"""
