import pytest

from articles.ingest.caption import parse_caption


@pytest.mark.parametrize(
    ("caption", "headline", "credit"),
    [
        (
            "Ngoại trưởng Nga Lavrov (trái) và người đồng cấp Mali Diop gặp nhau tại Moscow, ngày 11/11. (Nguồn: TASS)",
            "Ngoại trưởng Nga Lavrov và người đồng cấp Mali Diop gặp nhau tại Moscow",
            "TASS",
        ),
        ("Thủ tướng Nhật Bản (giữa) phát biểu, ngày 15/6/2023 (Ảnh: Kyodo)", "Thủ tướng Nhật Bản phát biểu", "Kyodo"),
        ("Ngày 3/4, hai ngoại trưởng (từ trái sang) bắt tay", "Hai ngoại trưởng bắt tay", None),
        ("Tổng thống Mỹ (phải) tại Nhà Trắng", "Tổng thống Mỹ tại Nhà Trắng", None),
        ("Cuộc gặp tại Hà Nội", "Cuộc gặp tại Hà Nội", None),
    ],
)
def test_headline_and_credit(caption, headline, credit):
    parsed = parse_caption(caption)
    assert (parsed.headline, parsed.credit) == (headline, credit)
