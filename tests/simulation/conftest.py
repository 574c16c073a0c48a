from tests.publication.conftest import _board_key_and_fast_passwords, _fresh_caches

__all__ = ["_board_key_and_fast_passwords", "_fresh_caches"]
