import json as json_module

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from articles.models import Actor, Article
from articles.resilience.consistency import database_problems


class Command(BaseCommand):
    help = (
        "Check that every imported article is whole: its mentions, quotes, related links and countries "
        "are what its source file gives, every span indexes its text, and no actor exists twice. "
        "Compares with the source files, so run it where they are. Exit status 1 when anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Check only the first N articles.")
        parser.add_argument("--json", action="store_true", help="Print the figures as one JSON object.")

    def handle(self, *args, limit, **options):
        problems = database_problems(limit)
        duplicates = list(
            Actor.objects.values("name_folded").annotate(n=Count("id")).filter(n__gt=1).values_list("name_folded", flat=True)
        )
        problems += [f"actor {name!r} exists more than once" for name in duplicates]
        figures = {"articles": Article.objects.count(), "actors": Actor.objects.count(), "problems": problems}
        if options["json"]:
            self.stdout.write(json_module.dumps(figures, ensure_ascii=False))
        else:
            for problem in problems:
                self.stderr.write(problem)
            self.stdout.write(f"articles: {figures['articles']}, actors: {figures['actors']}, problems: {len(problems)}")
        if problems:
            raise CommandError(f"{len(problems)} problem(s)")
