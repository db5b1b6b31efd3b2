"""Keeping the Country table in step with the gazetteer (CLDR names plus the archive's aliases)."""

from articles.ingest.gazetteer import country_table
from articles.models import Country


def sync_countries(using: str = "default") -> int:
    """Upsert every country the gazetteer knows; curators' edits to names are kept, aliases are merged."""
    existing = Country.objects.using(using).in_bulk()
    to_create, to_update = [], []
    for record in country_table():
        seats = list(getattr(record, "seats", []) or [])
        country = existing.get(record.code)
        if country is None:
            to_create.append(
                Country(
                    code=record.code,
                    name_vi=record.name_vi,
                    name_en=record.name_en,
                    aliases=list(record.aliases),
                    seats=seats,
                )
            )
            continue
        aliases = country.aliases + [alias for alias in record.aliases if alias not in country.aliases]
        seats = country.seats + [seat for seat in seats if seat not in country.seats]
        if aliases != country.aliases or seats != country.seats:
            country.aliases, country.seats = aliases, seats
            to_update.append(country)
    Country.objects.using(using).bulk_create(to_create)
    Country.objects.using(using).bulk_update(to_update, ["aliases", "seats"])
    return len(to_create) + len(to_update)
