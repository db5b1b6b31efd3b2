import pytest

from articles.ingest.data.cues import COUNTERPART, ROLE_PHRASES, TITLES
from articles.ingest.titled_names import is_titled_name, split_titled


@pytest.mark.parametrize("title", [*TITLES, *ROLE_PHRASES, COUNTERPART])
def test_every_title_the_extractor_knows_makes_a_titled_form(title):
    assert is_titled_name(f"{title} Kiều Minh Khuê")
    assert is_titled_name(f"{title.lower()} Kiều Minh Khuê")
    assert is_titled_name(f"cựu {title} Kiều Minh Khuê")


@pytest.mark.parametrize(
    "titled",
    [
        "người đồng cấp Mali Diop",
        "Người đồng cấp Chile Alberto van Klaveren",
        "Đại sứ Phạm Quang Vinh",
        "Ngoại trưởng Lavrov",
        "tân Đại sứ Nhật Bản Ito Naoki",
        "ông Abdoulaye Diop",
        "Bà Tsai Ing-wen",
        "Nhà ngoại giao hàng đầu Nga",
    ],
)
def test_titled_forms_seen_in_the_news_are_titled(titled):
    assert is_titled_name(titled)


@pytest.mark.parametrize(
    "name",
    [
        "Abdoulaye Diop",
        "Sergey Lavrov",
        # Folded, these read as the titles "Trưởng", "Tướng" and "Thủ tướng": diacritics tell them apart.
        "Trương Tấn Sang",
        "Tương Minh Đức",
        "Thu Tương",
    ],
)
def test_plain_names_are_not_titled(name):
    assert not is_titled_name(name)


def test_a_title_inside_a_name_does_not_make_it_titled():
    assert not is_titled_name("Kiều Bộ trưởng")
    assert not is_titled_name("Đại sứquán")  # a word that only starts like a title is not one


def test_split_titled_keeps_names_and_titled_forms_apart_in_order():
    names = ["Diop", "người đồng cấp Mali Diop", "Abdoulaye Diop", "Ngoại trưởng Diop"]
    assert split_titled(names) == (["Diop", "Abdoulaye Diop"], ["người đồng cấp Mali Diop", "Ngoại trưởng Diop"])
