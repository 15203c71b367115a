from tests.browser.conftest import app_url, browser, browser_store  # noqa: F401  (shared fixtures)
