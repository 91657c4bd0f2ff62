import contextlib

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: F405, S105
ALLOWED_HOSTS = ["*"]
ALLOW_DEMO_ACCOUNTS = True
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Last, so a developer's uncommitted local.py can override anything above.
with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
