import json as jsonlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.ingest.evaluation import KINDS, TARGETS, evaluate
from articles.ingest.extract import extract_document
from articles.ingest.known import KnownActors

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"


class Command(BaseCommand):
    help = (
        "Run the extractor over a hand-annotated gold set (NNN_name.txt + NNN_name.json) and print "
        "micro-averaged precision, recall and F1 per kind (countries, actors, quotes with the right "
        "speaker, publication dates, relations), then every miss and false hit per document. "
        "Matching rules: articles/ingest/evaluation.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"Gold folder (default {DEFAULT_GOLD}).")
        parser.add_argument("--json", type=Path, help="Also write the figures as JSON to this file.")
        parser.add_argument("--quiet", action="store_true", help="Figures only, no per-document list.")
        parser.add_argument(
            "--without-known",
            action="store_true",
            help="Extract with no known actors (not even data/known_actors.json): cue-based extraction alone.",
        )

    def handle(self, *args, gold: Path, json: Path | None, quiet: bool, without_known: bool, **options):
        if not gold.is_dir():
            raise CommandError(f"{gold}: no such folder")
        extract = None
        if without_known:
            nobody = KnownActors()
            extract = lambda text: extract_document(text, known=nobody)  # noqa: E731
        evaluation = evaluate(gold, extract)
        if not evaluation.documents:
            raise CommandError(f"{gold}: no annotated documents (NNN_name.txt with NNN_name.json)")
        figures = evaluation.figures()
        self.stdout.write(f"{len(evaluation.documents)} documents in {gold}")
        self.stdout.write(f"{'kind':<10} {'precision':>9} {'recall':>7} {'F1':>7} {'TP':>5} {'FP':>5} {'FN':>5}  target P/R")
        for kind in KINDS:
            f = figures[kind]
            target = TARGETS[kind]
            line = (
                f"{kind:<10} {f['precision']:>9.4f} {f['recall']:>7.4f} {f['f1']:>7.4f} "
                f"{f['true_positives']:>5} {f['false_positives']:>5} {f['misses']:>5}  "
                f"{target['precision']:.2f}/{target['recall']:.2f}"
            )
            met = f["precision"] >= target["precision"] and f["recall"] >= target["recall"]
            self.stdout.write(self.style.SUCCESS(line) if met else self.style.WARNING(line))
        if not quiet:
            # Grouped by kind and by direction, so that one error class reads as one list.
            for kind in KINDS:
                for label, attribute in (("misses", "misses"), ("false hits", "false_hits")):
                    rows = [
                        (document.name, item)
                        for document in evaluation.documents
                        for item in getattr(document.kinds[kind], attribute)
                    ]
                    if rows:
                        self.stdout.write(self.style.MIGRATE_HEADING(f"{kind}: {label} ({len(rows)})"))
                        for name, item in rows:
                            self.stdout.write(f"  {name.split('_', 1)[0]:<4} {item}")
        if json:
            json.parent.mkdir(parents=True, exist_ok=True)
            payload = {"documents": len(evaluation.documents), "figures": figures}
            json.write_text(_dumps(payload) + "\n", encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"figures written to {json}"))


def _dumps(payload) -> str:
    return jsonlib.dumps(payload, indent=2, ensure_ascii=False)
