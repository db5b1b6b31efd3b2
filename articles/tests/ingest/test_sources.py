"""Sources apart from actors: photo credits name agencies (sources) and photographers (nobody the
article is about); outlets cited in the text are sources. New sentences, not from the gold sets."""

import pytest

from articles.ingest.extract import extract_document


def extracted(caption: str, *body: str):
    return extract_document(caption + " |\n" + "\n".join(body) + "\n")


@pytest.mark.parametrize(
    "credit, sources",
    [
        ("(Ảnh: Hoàng Anh)", []),  # a photographer: not the United Kingdom, not an organisation
        ("(Ảnh: Minh Đức)", []),  # not Germany
        ("(Ảnh: Văn Điệp/TTXVN)", ["TTXVN"]),
        ("(Nguồn: THX)", ["Tân Hoa Xã"]),
        ("(Ảnh: Xinhua)", ["Tân Hoa Xã"]),
        ("(Ảnh: AFP/Getty Images)", ["AFP", "Getty Images"]),
        ("(Ảnh: Reuters, AP)", ["Reuters", "AP"]),
        ("(Ảnh: VNA)", ["TTXVN"]),
        ("(Ảnh: ABC)", ["ABC"]),  # an acronym reads as an agency even when not listed
    ],
)
def test_a_credit_gives_sources_and_nothing_else(credit, sources):
    e = extracted(f"Hai bộ trưởng bắt tay trước cuộc hội đàm {credit}", "Cuộc hội đàm diễn ra trong không khí thân mật.")
    assert e.sources == sources
    assert e.countries == [] and e.actors == [] and e.mentions == []


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Theo hãng tin Reuters, hai bên sẽ tiếp tục đàm phán vào tuần tới.", "Reuters"),
        ("AFP đưa tin cuộc họp kéo dài hơn ba giờ.", "AFP"),
        ("Hãng thông tấn KCNA cho biết vụ phóng diễn ra vào sáng sớm.", "KCNA"),
        ("Tân Hoa Xã dẫn lời một quan chức giấu tên cho hay kế hoạch đã được thông qua.", "Tân Hoa Xã"),
        ("Phóng viên TTXVN tại Tokyo cho biết lễ ký kết đã hoàn tất.", "TTXVN"),
    ],
)
def test_an_outlet_cited_in_the_text_is_a_source_not_an_actor(sentence, source):
    e = extracted("Toàn cảnh phiên họp (Ảnh: Thanh Hà)", sentence)
    assert e.sources == [source]
    assert not [actor for actor in e.actors if actor.name == source]


def test_credit_sources_come_first_and_each_outlet_once():
    e = extracted("Lễ đón tại sân bay (Ảnh: Lâm Khánh/TTXVN)", "Theo Reuters và TTXVN, chuyến thăm kéo dài hai ngày.")
    assert e.sources == ["TTXVN", "Reuters"]
