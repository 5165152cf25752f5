"""`manage.py add_source plone --slug urbanizmi --url http://127.0.0.1:8080/Plone
--municipality gjilan --secret S` (as `make plone-demo` uses it)."""

from django.core.management.base import BaseCommand, CommandError

from sources.models import Source


class Command(BaseCommand):
    help = "Register (or update) an external source and schedule its reconcile."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[kind for kind, _label in Source.KINDS])
        parser.add_argument("--slug", required=True)
        parser.add_argument("--url", default="", help="The source's base URL.")
        parser.add_argument("--name", default="")
        parser.add_argument("--municipality", required=True)
        parser.add_argument("--municipality-name", default="")
        parser.add_argument(
            "--secret",
            default="",
            help="Webhook HMAC secret (plone, transparenca) or push bearer token.",
        )
        parser.add_argument("--interval", type=int, default=900)
        parser.add_argument(
            "--no-schedule", action="store_true", help="Don't enqueue a reconcile."
        )

    def handle(self, kind, slug, url, name, municipality, secret, **options):
        if kind != Source.PUSH and not url:
            raise CommandError(f"a {kind} source needs --url")
        source, created = Source.objects.get_or_create(
            slug=slug,
            defaults={"kind": kind, "name": name or slug, "municipality": municipality},
        )
        source.kind = kind
        source.name = name or source.name
        source.base_url = url
        source.municipality = municipality
        source.municipality_name = (
            options["municipality_name"] or source.municipality_name
        )
        source.reconcile_interval = options["interval"]
        if secret and kind == Source.PUSH:
            source.set_token(secret)
        elif secret:
            source.webhook_secret = secret
        source.full_clean()
        source.save()
        self.stdout.write(f"{'Added' if created else 'Updated'} source {slug} ({kind})")
        if not options["no_schedule"] and kind != Source.PUSH:
            from sources.tasks import reconcile_source

            reconcile_source.enqueue(source.pk)
            self.stdout.write("Reconcile queued (run by manage.py db_worker).")
