import json

from django.core.management.base import CommandError

from articles.archive_checks import duplicate_actors, fact_differences, span_problems, stale_key_counts
from articles.facts.storage import refresh
from articles.management.archive_command import ArchiveCommand
from articles.models import Actor, Article, KeyCount
from articles.models.sort_key import stale_sort_keys


class Command(ArchiveCommand):
    help = (
        "Recompute every article's derived facts (countries, actors, places, relations, filter keys, "
        "search columns) and report each difference as article, fact, stored, expected; also key counts "
        "that differ from a fresh count, names whose stored Vietnamese sort key is stale, spans that do not index their text and actors stored twice. "
        "Exit status 1 when anything differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair", action="store_true", help="Store the recomputed facts where they differ, recount the key counts and recompute stale sort keys."
        )
        parser.add_argument("--json", action="store_true", help="Print the figures as one JSON object.")

    def handle(self, *args, repair, **options):
        differences = fact_differences()
        if repair and differences:
            refresh({difference.article_id for difference in differences})
        stale_counts = stale_key_counts()
        if repair and stale_counts:
            KeyCount.objects.rebuild()
        repairable = [str(difference) for difference in differences] + stale_counts + stale_sort_keys(repair)
        problems = repairable + span_problems() + duplicate_actors()
        figures = {
            "articles": Article.objects.count(),
            "actors": Actor.objects.count(),
            "differences": len(differences),
            "stale_key_counts": len(stale_counts),
            "repaired": len({d.article_id for d in differences}) if repair else 0,
            "problems": problems,
        }
        if options["json"]:
            self.stdout.write(json.dumps(figures, ensure_ascii=False))
        else:
            for problem in problems:
                self.stderr.write(problem)
            self.stdout.write(
                f"articles: {figures['articles']}, actors: {figures['actors']}, "
                f"differences: {figures['differences']}, problems: {len(problems)}"
            )
        if problems and not (repair and len(problems) == len(repairable)):
            raise CommandError(f"{len(problems)} problem(s)")
