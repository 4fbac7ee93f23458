from __future__ import annotations

from schema.loaders import Loaders


def test_a_requests_loaders_are_made_on_first_use_and_kept_for_the_request():
    loaders = Loaders()

    assert vars(loaders) == {}
    assert loaders.tier is loaders.tier
    assert list(vars(loaders)) == ["tier"]
    assert Loaders().tier is not loaders.tier
