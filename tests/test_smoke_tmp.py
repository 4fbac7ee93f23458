from server.access.models import Role
from server.access.services import StaffScope, create_staff
from tests.conftest import PASSWORD


async def test_login_and_me(api):
    await create_staff(None, "hq.admin", PASSWORD, StaffScope(Role.HQ), system=True)
    hq = await api.login("hq.admin")
    body = await hq("{ me { username role permissions } }")
    print(body)
    assert body["data"]["me"]["username"] == "hq.admin"
