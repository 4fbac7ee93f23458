async def test_org_fixture_builds_a_chain_every_role_can_sign_in_to(api, org):
    for username in ("hq.admin", "east.manager", "sh001.clerk", "cd001.clerk"):
        client = await api.login(username)
        body = await client("{ me { username role } }")
        assert body["data"]["me"]["username"] == username
    assert sorted(org.stores) == ["CD001", "SH001", "SH002"]
