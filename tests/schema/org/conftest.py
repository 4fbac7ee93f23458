"""GraphQL documents for the org API tests."""

from __future__ import annotations

REGION_FIELDS = "region { id code name } errors { field code message }"
STORE_FIELDS = "store { id code name address isActive region { code } } errors { field code message }"

CREATE_REGION = f"""
mutation($code: String!, $name: String!) {{ createRegion(code: $code, name: $name) {{ {REGION_FIELDS} }} }}
"""

UPDATE_REGION = f"""
mutation($id: ID!, $name: String!) {{ updateRegion(id: $id, name: $name) {{ {REGION_FIELDS} }} }}
"""

CREATE_STORE = f"""
mutation($code: String!, $name: String!, $regionId: ID!, $address: String) {{
  createStore(code: $code, name: $name, regionId: $regionId, address: $address) {{ {STORE_FIELDS} }}
}}
"""

UPDATE_STORE = f"""
mutation($id: ID!, $name: String, $address: String, $isActive: Boolean) {{
  updateStore(id: $id, name: $name, address: $address, isActive: $isActive) {{ {STORE_FIELDS} }}
}}
"""

DENIED = [{"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage regions and stores."}]
