"""Alibaba Cloud V3 signing (ACS3-HMAC-SHA256) against the worked example its documentation
publishes: RunInstances on ecs.cn-shanghai, AccessKeySecret `YourAccessKeySecret`."""

from __future__ import annotations

from server.channels import acs3


def test_the_signature_of_the_published_example_matches_the_documentation() -> None:
    signed = acs3.sign(
        method="POST",
        host="ecs.cn-shanghai.aliyuncs.com",
        action="RunInstances",
        version="2014-05-26",
        params={"RegionId": "cn-shanghai", "ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"},
        access_key_id="YourAccessKeyId",
        access_key_secret="YourAccessKeySecret",
        date="2023-10-26T09:01:01Z",
        nonce="d410180a5abf7fe235dd9b74aca91fc0",
    )

    assert signed.query == "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai"
    assert signed.headers["x-acs-content-sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert signed.headers["Authorization"] == (
        "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
        "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
        "Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"
    )


def test_parameters_are_percent_encoded_the_rfc_3986_way() -> None:
    assert acs3.canonical_query({"b": "a b*c~d", "a": "消费/1+1={x}"}) == (
        "a=%E6%B6%88%E8%B4%B9%2F1%2B1%3D%7Bx%7D&b=a%20b%2Ac~d"
    )
