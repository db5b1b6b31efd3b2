"""Unique slugs for many new rows at once (articles, actors)."""

from articles.ingest.folding import slugify_vi


def unique_slug(model, text: str) -> str:
    return SlugAllocator(model, max_length=200).allocate([text])[0]


class SlugAllocator:
    """Unique slugs `base`, `base-2`, `base-3`… for many new rows at once.

    One query finds which bases are taken; only for those, one more query per base reads the
    suffixes in use. Slugs handed out earlier in the same import are remembered per base.
    """

    def __init__(self, model, max_length: int, base=None):
        self.model = model
        self.max_length = max_length
        self.base = base or (lambda text: slugify_vi(text, max_length=max_length) or "bai")
        self.issued: dict[str, set[str]] = {}

    def allocate(self, texts: list[str]) -> list[str]:
        bases = [self.base(text) for text in texts]
        unseen = {base for base in bases if base not in self.issued}
        taken = set(self.model.objects.filter(slug__in=unseen).values_list("slug", flat=True)) if unseen else set()
        for base in unseen:
            self.issued[base] = set()
            if base in taken:
                self.issued[base] = {base} | set(
                    self.model.objects.filter(slug__startswith=base + "-").values_list("slug", flat=True)
                )
        slugs = []
        for base in bases:
            used = self.issued[base]
            slug, suffix = base, 2
            while slug in used:
                slug = f"{base}-{suffix}"
                suffix += 1
            used.add(slug)
            slugs.append(slug)
        return slugs


