"""The parse and validation caches serve a repeated operation: validating a document again costs
more than the rest of a small mutation."""

from __future__ import annotations

from strawberry.extensions.validation_cache import DEFAULT_MAXSIZE, _get_validate_cache

ME = "query Me { me { username } }"


async def test_a_repeated_operation_is_validated_once(api, org):
    clerk = await api.login("sh001.clerk")
    await clerk(ME)
    before = _get_validate_cache(DEFAULT_MAXSIZE).cache_info()

    await clerk(ME)
    await clerk(ME)

    after = _get_validate_cache(DEFAULT_MAXSIZE).cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (2, 0)
