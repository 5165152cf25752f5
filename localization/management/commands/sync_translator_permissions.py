from django.core.management.base import BaseCommand

from localization.permissions import grant_translator_page_permissions


class Command(BaseCommand):
    help = "Give each 'Translators (xx)' group edit rights on its locale's pages."

    def handle(self, *args, **options):
        added = grant_translator_page_permissions()
        self.stdout.write(f"{added} page permission(s) added.")
