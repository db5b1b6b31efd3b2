import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from articles.models import Actor, Article, BilateralRelation, Mention, Quote, RelatedLink

pytestmark = pytest.mark.django_db


def run_import(*paths, dry_run=False):
    out, err = io.StringIO(), io.StringIO()
    args = [str(path) for path in paths] + (["--dry-run"] if dry_run else [])
    try:
        call_command("import_seeds", *args, stdout=out, stderr=err)
        failed = None
    except CommandError as error:
        failed = error
    return out.getvalue(), err.getvalue(), failed


def table_sizes():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Actor, Mention, Quote, RelatedLink, BilateralRelation)
    }


def test_seed_article_fields(imported_seed):
    article = imported_seed
    assert article.headline == "Ngoại trưởng Nga Lavrov và người đồng cấp Mali Diop gặp nhau tại Moscow"
    assert article.slug.startswith("ngoai-truong-nga-lavrov-va-nguoi-dong-cap-mali-diop")
    assert article.credit == "TASS"
    assert len(article.paragraphs) == 10
    assert article.published_date.iso == "2021-11-11"
    assert article.published_precision == "day"
    assert article.published_year_inferred is True


def test_seed_countries_exclude_related_rows(imported_seed):
    assert set(imported_seed.countries.values_list("code", flat=True)) == {"RU", "ML", "FR"}


def test_seed_actors_keep_the_two_goitas_apart(imported_seed):
    names = set(imported_seed.actors.values_list("name", flat=True))
    assert {"Sergey Lavrov", "Diop", "Kassoum Goita", "Assimi Goita", "Wagner"} <= names
    assert "TASS" not in names and imported_seed.sources == ["TASS"]  # the credit's agency is a source
    lavrov = Actor.objects.get(name="Sergey Lavrov")
    assert lavrov.kind == "person" and lavrov.country_id == "RU"
    assert "Lavrov" in lavrov.aliases
    assert Actor.objects.get(name="Wagner").kind == "organization"


def test_seed_quotes_have_their_speakers(imported_seed):
    quotes = {quote.text[:25]: quote.speaker.name for quote in Quote.objects.select_related("speaker")}
    assert quotes["Chúng tôi đang ở trong mộ"] == "Diop"
    assert quotes["Moscow có lịch sử hợp tác"] == "Sergey Lavrov"
    assert quotes["các chính phủ hợp pháp củ"] == "Sergey Lavrov"


def test_seed_mention_spans_index_their_paragraphs(imported_seed):
    mentions = list(imported_seed.mentions.all())
    assert mentions
    for mention in mentions:
        text = imported_seed.caption if mention.section == "caption" else imported_seed.paragraphs[mention.paragraph]
        assert text[mention.start : mention.end] == mention.surface


def test_seed_related_links_and_relations(imported_seed):
    links = list(imported_seed.related_links.order_by("position"))
    assert len(links) == 2
    assert links[1].title.startswith("Đức vội lên tiếng")
    assert links[1].snippet.startswith("Sau Pháp")
    assert "DE" in links[1].country_codes
    assert all(link.target is None for link in links)
    pairs = {str(relation) for relation in imported_seed.relations.all()}
    assert pairs == {"ML-RU"}


def test_importing_twice_changes_nothing(seed_dir):
    run_import(seed_dir)
    before = table_sizes()
    stamps = list(Article.objects.values_list("last_imported_at", flat=True))
    out, _, failed = run_import(seed_dir)
    assert failed is None
    assert "unchanged: 1" in out and "created: 0" in out
    assert table_sizes() == before
    assert list(Article.objects.values_list("last_imported_at", flat=True)) == stamps


def test_same_content_under_another_name_is_the_same_article(seed_dir, seed_path):
    shutil.copy(seed_path, seed_dir / "copy.txt")
    out, _, _ = run_import(seed_dir)
    assert "created: 1" in out and "unchanged: 1" in out
    assert Article.objects.count() == 1


def test_changed_file_updates_its_article(seed_dir):
    run_import(seed_dir)
    seed = next(seed_dir.iterdir())
    seed.write_text(seed.read_text(encoding="utf-8").replace("Tây Phi", "Tây Phi rộng lớn"), encoding="utf-8")
    out, _, _ = run_import(seed_dir)
    assert "updated: 1" in out
    article = Article.objects.get()
    assert any("Tây Phi rộng lớn" in paragraph for paragraph in article.paragraphs)
    assert Quote.objects.filter(article=article).count() >= 3


def test_bad_files_are_named_and_the_rest_imports(seed_dir):
    (seed_dir / "empty.txt").write_bytes(b"")
    (seed_dir / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    out, err, failed = run_import(seed_dir)
    assert failed is not None
    assert "empty.txt" in err and "binary.txt" in err
    assert "Traceback" not in err
    assert "created: 1" in out and "failed: 2" in out
    assert Article.objects.count() == 1


def test_missing_path_is_named(tmp_path):
    _, err, failed = run_import(tmp_path / "nowhere.txt")
    assert failed is not None
    assert "nowhere.txt" in err
    assert Article.objects.count() == 0


def test_utf16_file_imports_like_utf8(seed_dir, seed_path):
    (seed_dir / "000_d728a159c3b1bbfd.txt").unlink()
    (seed_dir / "utf16.txt").write_bytes(seed_path.read_text(encoding="utf-8").encode("utf-16"))
    _, _, failed = run_import(seed_dir)
    assert failed is None
    assert Article.objects.get().credit == "TASS"


def test_dry_run_writes_nothing(seed_dir):
    out, _, failed = run_import(seed_dir, dry_run=True)
    assert failed is None
    assert "parsed (dry run): 1" in out
    assert Article.objects.count() == 0 and Actor.objects.count() == 0
