from .fixtures import fast_password_hashing, world, worlds  # noqa: F401 (fixtures)
