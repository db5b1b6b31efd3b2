"""A curator's choice of an article's countries, actors and places, kept as decisions.

The admin shows the article's countries, actors and places; what a curator adds there that no
accepted mention names becomes an inclusion, what they take away that mentions name becomes a
removal. Choosing exactly what the mentions give leaves no decision behind.
"""

from dataclasses import replace

from django.db import transaction

from articles.models import CuratorDecision

from .rules import COUNTRY, PLACE, belonging, named_by_mentions
from .storage import load_inputs, place_countries
from .triggers import deferred

TARGET_FIELD = {"country": "country_id", "actor": "actor_id", "place": "place_id"}


@transaction.atomic
def choose(article_id: int, chosen: dict[str, set], reason: str | None = None):
    """``chosen``: kind -> the set of target ids the article should have ("country" -> codes);
    ``reason``: what the decisions' history rows say."""
    with deferred():
        inputs = load_inputs([article_id])[article_id]
        countries_of_places = place_countries()
        named = named_by_mentions(inputs)
        inputs.decisions = [d for d in inputs.decisions if d[0] not in chosen]
        if PLACE in chosen:
            inputs.decisions += [(PLACE, t, True) for t in chosen[PLACE] - named[PLACE]]
            inputs.decisions += [(PLACE, t, False) for t in named[PLACE] - chosen[PLACE]]
        # Countries the chosen places stand for count as named for the country choice.
        without_countries = [d for d in inputs.decisions if d[0] != COUNTRY]
        supported = belonging(replace(inputs, decisions=without_countries), countries_of_places)
        for kind, targets in chosen.items():
            base = supported[kind] if kind == COUNTRY else named[kind]
            wanted = {t: True for t in targets - base} | {t: False for t in base - targets}
            existing = {
                getattr(decision, TARGET_FIELD[kind]): decision
                for decision in CuratorDecision.objects.filter(article_id=article_id, kind=kind)
            }
            # One by one, not update_or_create and a bulk delete, so each history row has the reason.
            for target, decision in existing.items():
                if target not in wanted:
                    decision._change_reason = reason
                    decision.delete()
            for target, included in wanted.items():
                decision = existing.get(target) or CuratorDecision(
                    article_id=article_id, kind=kind, **{TARGET_FIELD[kind]: target}
                )
                if decision.pk is None or decision.included != included:
                    decision.included, decision._change_reason = included, reason
                    decision.save()
